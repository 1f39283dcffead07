package org.ringlet.node.config;

/**
 * cassandra.yaml's {@code memtable_allocation_type}: where memtables keep their rows' bytes (ADR 0165). The storage
 * engine serves the off-heap types on the heap, as {@code heap_buffers}.
 */
public enum MemtableAllocationType {
    UNSLABBED_HEAP_BUFFERS, HEAP_BUFFERS, OFFHEAP_BUFFERS, OFFHEAP_OBJECTS
}
