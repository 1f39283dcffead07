package org.ringlet.api.cluster;

/** The kind of write a write timeout or failure reports, with the protocol's names. */
public enum WriteType {
    SIMPLE,
    BATCH,
    UNLOGGED_BATCH,
    COUNTER,
    BATCH_LOG,
    CAS,
    VIEW,
    CDC
}
