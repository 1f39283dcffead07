package org.ringlet.storage.lsm.memtable;

import java.util.Locale;

import org.ringlet.api.error.ConfigurationException;

/** {@code memtable_allocation_type}: where a memtable keeps its rows' bytes (ADR 0165). */
public enum AllocationType {
    /** One array per row. */
    UNSLABBED_HEAP_BUFFERS,
    /** Rows packed into the memtable's slabs ({@link RowSlabs}), on the heap. */
    HEAP_BUFFERS;

    /**
     * Reads a setting's value. Cassandra's off-heap types ({@code offheap_buffers}, {@code offheap_objects}) are
     * accepted and served on the heap as {@link #HEAP_BUFFERS}: the engine has no off-heap memtable.
     *
     * @throws ConfigurationException naming the value and the accepted ones
     */
    public static AllocationType parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "unslabbed_heap_buffers" -> UNSLABBED_HEAP_BUFFERS;
            case "heap_buffers", "offheap_buffers", "offheap_objects" -> HEAP_BUFFERS;
            default -> throw new ConfigurationException("Invalid memtable_allocation_type '" + value
                    + "': expected one of unslabbed_heap_buffers, heap_buffers, offheap_buffers, offheap_objects");
        };
    }
}
