package org.ringlet.api.error;

/**
 * Why a replica failed a request, as reported in protocol v5's failure reason map. The codes are the
 * protocol's and must never change.
 */
public enum RequestFailureReason {
    UNKNOWN(0x0000),
    READ_TOO_MANY_TOMBSTONES(0x0001),
    TIMEOUT(0x0002),
    INCOMPATIBLE_SCHEMA(0x0003),
    READ_SIZE(0x0004),
    NODE_DOWN(0x0005),
    INDEX_NOT_AVAILABLE(0x0006);

    private final int code;

    RequestFailureReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
