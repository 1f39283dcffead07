package org.ringlet.api.messaging;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Serves the requests of one {@link Verb}. Called on a messaging thread; must not block (hand blocking work to the
 * scheduler's I/O executor and complete the stage later).
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Handles a request.
     *
     * @param from    the sender's host id
     * @param payload the request body
     * @return the response body, or a stage failed with the error to report; for one-way verbs the result is
     *         ignored
     */
    CompletionStage<ByteBuffer> handle(UUID from, ByteBuffer payload);
}
