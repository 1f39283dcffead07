package org.ringlet.api.error;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A function failed while executing a query (0x1400). */
public final class FunctionFailureException extends RingletException {
    private final String keyspace;
    private final String function;
    private final List<String> argumentTypes;

    public FunctionFailureException(String keyspace, String function, List<String> argumentTypes, String message) {
        super(ErrorCode.FUNCTION_FAILURE, message);
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.function = requireNonNull(function, "function is null");
        this.argumentTypes = List.copyOf(argumentTypes);
    }

    public String keyspace() {
        return keyspace;
    }

    public String function() {
        return function;
    }

    public List<String> argumentTypes() {
        return argumentTypes;
    }
}
