package org.ringlet.storage.lsm.memtable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.ringlet.api.ring.Token;

/**
 * A hash index over a memtable's partitions that finds the partition of a key already in the memtable without
 * the {@link PartitionList} search (one cache miss per skip-list node visited, about ten levels for a million
 * partitions; the largest cost of a write that updates a partition).
 *
 * <p>The index is only a hint: the skip list stays the one authority on which partitions exist. A lookup may
 * miss a partition that exists (not added yet, lost while the table was being resized, or beyond the probe
 * limit); the caller then searches the skip list and adds what it found. A lookup never returns a partition of
 * another key. Open addressing with linear probing over one array of references (no object per entry);
 * lock-free: slots are filled with a compare-and-set and never cleared. The table doubles when half full; the
 * thread that wins the resize copies the entries into the new table while others go on with the old one.
 */
final class PartitionHashIndex {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(MemtablePartition[].class);
    /** Slots a lookup or an insert probes at most. */
    static final int MAX_PROBES = 16;
    private static final int INITIAL_CAPACITY = 1 << 12;

    private volatile MemtablePartition[] table = new MemtablePartition[INITIAL_CAPACITY];
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean resizing = new AtomicBoolean();

    /** The hash of a key: its token's order prefix and its bytes, mixed. */
    static int hash(long prefix, byte[] key) {
        long h = prefix * 0x9E3779B97F4A7C15L;
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 32;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 29;
        return (int) h;
    }

    /** The partition of the key if the index has it, or null (it may still be in the memtable). */
    MemtablePartition get(int hash, long prefix, Token token, byte[] key) {
        MemtablePartition[] t = table;
        int mask = t.length - 1;
        for (int i = 0; i < MAX_PROBES; i++) {
            MemtablePartition p = (MemtablePartition) SLOTS.getAcquire(t, (hash + i) & mask);
            if (p == null) {
                return null;
            }
            if (p.hash == hash && p.compareTo(prefix, token, key) == 0) {
                return p;
            }
        }
        return null;
    }

    /** Adds a partition of the memtable (nothing when its key is indexed already or the probes run out). */
    void add(MemtablePartition p) {
        MemtablePartition[] t = table;
        if (insert(t, p) && size.incrementAndGet() > t.length / 2) {
            resize(t);
        }
    }

    private static boolean insert(MemtablePartition[] t, MemtablePartition p) {
        int mask = t.length - 1;
        for (int i = 0; i < MAX_PROBES; i++) {
            int slot = (p.hash + i) & mask;
            while (true) {
                MemtablePartition q = (MemtablePartition) SLOTS.getAcquire(t, slot);
                if (q == null) {
                    if (SLOTS.compareAndSet(t, slot, null, p)) {
                        return true;
                    }
                    continue; // another partition took the slot: look at it
                }
                if (q == p || (q.hash == p.hash && q.compareTo(p.prefix, p.token, p.key) == 0)) {
                    return false;
                }
                break;
            }
        }
        return false;
    }

    private void resize(MemtablePartition[] old) {
        if (!resizing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (table != old) {
                return;
            }
            MemtablePartition[] bigger = new MemtablePartition[old.length * 2];
            int count = 0;
            for (int i = 0; i < old.length; i++) {
                MemtablePartition p = (MemtablePartition) SLOTS.getAcquire(old, i);
                if (p != null && insert(bigger, p)) {
                    count++;
                }
            }
            // partitions added to the old table from here on are missed by the new one: later lookups find them
            // in the skip list and add them again
            size.set(count);
            table = bigger;
        } finally {
            resizing.set(false);
        }
    }

    /** Bytes the index takes on the heap (an estimate: 4 bytes per slot with compressed references). */
    long heapSize() {
        return 4L * table.length;
    }
}
