package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;

/**
 * A query handler whose answers the test decides: by default every statement gets a Void result; a test can
 * install a {@link Behaviour} to answer with anything, fail, or hold the answer until it completes a future.
 * Records every call.
 */
final class StubQueryHandler implements QueryHandler {

    /** One call the server made. */
    record Call(String method, ClientState state, String query, byte[] id, QueryOptions options,
                BatchRequest batch, String keyspaceAtCall) {
    }

    /** How to answer a call. */
    @FunctionalInterface
    interface Behaviour {
        CompletionStage<Response> answer(Call call);
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    volatile Behaviour behaviour = call -> CompletableFuture.completedFuture(Response.of(new Result.Void()));
    volatile Map<String, List<String>> supported = Map.of("CQL_VERSION", List.of("3.4.7"));

    @Override
    public Map<String, List<String>> supportedOptions() {
        return supported;
    }

    private CompletionStage<Response> record(Call call) {
        calls.add(call);
        return behaviour.answer(call);
    }

    @Override
    public CompletionStage<Response> query(ClientState state, String query, QueryOptions options) {
        return record(new Call("query", state, query, null, options, null, state.keyspace().orElse(null)));
    }

    @Override
    public CompletionStage<Response> prepare(ClientState state, String query, String keyspace) {
        return record(new Call("prepare", state, query, null, null, null, state.keyspace().orElse(null)));
    }

    @Override
    public CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId,
                                             QueryOptions options) {
        return record(new Call("execute", state, null, id, options, null, state.keyspace().orElse(null)));
    }

    @Override
    public CompletionStage<Response> batch(ClientState state, BatchRequest batch) {
        return record(new Call("batch", state, null, null, batch.options(), batch, state.keyspace().orElse(null)));
    }

    @Override
    public void addEventListener(EventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeEventListener(EventListener listener) {
        listeners.remove(listener);
    }

    void fire(Event event) {
        for (EventListener l : listeners) {
            l.onEvent(event);
        }
    }
}
