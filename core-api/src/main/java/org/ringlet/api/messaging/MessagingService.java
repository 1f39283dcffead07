package org.ringlet.api.messaging;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.Service;

/**
 * Sends messages between nodes, addressed by host id. Requests to this node itself short-circuit without
 * serialization beyond the payload.
 *
 * <p>Thread-safe.
 */
public interface MessagingService extends Service {

    /** Registers the handler of a verb; one handler per verb. */
    void registerHandler(Verb verb, MessageHandler handler);

    /**
     * Sends a request and waits for its response.
     *
     * @return the response body; fails with {@link java.util.concurrent.TimeoutException} after {@code timeout},
     *         or with the error the remote handler reported
     */
    CompletionStage<ByteBuffer> sendRequest(UUID to, Verb verb, ByteBuffer payload, Duration timeout);

    /** Sends a message that expects no response. Best effort. */
    void sendOneWay(UUID to, Verb verb, ByteBuffer payload);
}
