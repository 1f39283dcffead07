package org.ringlet.api.error;

import org.ringlet.api.cluster.ConsistencyLevel;

/** Not enough replicas are alive to even try the request (0x1000). */
public final class UnavailableException extends RequestExecutionException {
    public UnavailableException(ConsistencyLevel consistency, int required, int alive) {
        super(ErrorCode.UNAVAILABLE,
                "Cannot achieve consistency level " + consistency.name(), consistency, alive, required);
    }

    public int required() {
        return blockFor();
    }

    public int alive() {
        return received();
    }
}
