package org.ringlet.api.query;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Executes CQL for the native protocol server. Every method returns a stage that completes with a
 * {@link Response} or fails with a {@link org.ringlet.api.error.RingletException} carrying the error code the
 * client must see (any other exception is reported as a server error).
 *
 * <p>Thread-safe; requests of one connection may be executed concurrently.
 */
public interface QueryHandler {

    /** The options SUPPORTED advertises besides compression and protocol versions, e.g. CQL_VERSION. */
    Map<String, java.util.List<String>> supportedOptions();

    /** Executes a query string. */
    CompletionStage<Response> query(ClientState state, String query, QueryOptions options);

    /**
     * Prepares a statement; the same query text in the same keyspace always gets the same id.
     *
     * @param keyspace the per-request keyspace (protocol v5), or null to use the connection's
     */
    CompletionStage<Response> prepare(ClientState state, String query, String keyspace);

    /**
     * Executes a prepared statement.
     *
     * @param resultMetadataId the result-metadata id the client holds (protocol v5), or null
     * @throws org.ringlet.api.error.UnpreparedException (as a failed stage) for an unknown id
     */
    CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId, QueryOptions options);

    /** Executes a batch. */
    CompletionStage<Response> batch(ClientState state, BatchRequest batch);

    /** Subscribes to schema, status and topology events. */
    void addEventListener(EventListener listener);

    /** Unsubscribes. */
    void removeEventListener(EventListener listener);
}
