package org.ringlet.api.cluster;

/**
 * CQL consistency levels with their native protocol codes (never change them).
 */
public enum ConsistencyLevel {
    ANY(0x0000),
    ONE(0x0001),
    TWO(0x0002),
    THREE(0x0003),
    QUORUM(0x0004),
    ALL(0x0005),
    LOCAL_QUORUM(0x0006),
    EACH_QUORUM(0x0007),
    SERIAL(0x0008),
    LOCAL_SERIAL(0x0009),
    LOCAL_ONE(0x000A),
    NODE_LOCAL(0x000B);

    private final int code;

    ConsistencyLevel(int code) {
        this.code = code;
    }

    /** The protocol code. */
    public int code() {
        return code;
    }

    /**
     * The level with that protocol code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static ConsistencyLevel fromCode(int code) {
        for (ConsistencyLevel cl : values()) {
            if (cl.code == code) {
                return cl;
            }
        }
        throw new IllegalArgumentException("Unknown consistency level code: " + code);
    }

    /** Whether the level counts replicas of the coordinator's datacenter only. */
    public boolean isDatacenterLocal() {
        return this == LOCAL_ONE || this == LOCAL_QUORUM || this == LOCAL_SERIAL;
    }

    /** Whether this is a serial level (for lightweight transactions). */
    public boolean isSerial() {
        return this == SERIAL || this == LOCAL_SERIAL;
    }
}
