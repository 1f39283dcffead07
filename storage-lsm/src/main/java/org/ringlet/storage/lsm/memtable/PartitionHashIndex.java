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
 * <p>Every partition {@linkplain #add added} is found by later lookups: an add that raced with a resize adds
 * itself again to the new table once the resize is over, and probe sequences are not limited. So while the index
 * is {@link #complete()} (no add ever failed, which takes a full table), a lookup that misses proves that no add
 * of the key had completed when it started: point reads answer "not in this memtable" without the skip-list
 * search (ADR 0172). The skip list stays the authority for order and for writers (a writer that misses still
 * inserts through it). A lookup never returns a partition of another key. Open addressing with linear probing
 * over one array of references (no object per entry); lock-free: slots are filled with a compare-and-set and
 * never cleared. The table doubles when half full; the thread that wins the resize copies the entries into the
 * new table while others go on with the old one.
 */
final class PartitionHashIndex {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(MemtablePartition[].class);
    private static final int INITIAL_CAPACITY = 1 << 12;

    private volatile MemtablePartition[] table = new MemtablePartition[INITIAL_CAPACITY];
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean resizing = new AtomicBoolean();
    /** False once an add found no free slot (a table full while it was being resized). */
    private volatile boolean complete = true;

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

    /**
     * The partition of the key if the index has it, or null: then no add of the key had completed before this
     * lookup started, unless the index is no longer {@link #complete()}.
     */
    MemtablePartition get(int hash, long prefix, Token token, byte[] key) {
        MemtablePartition[] t = table;
        int mask = t.length - 1;
        for (int i = 0; i < t.length; i++) {
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

    /** Whether every add so far found a slot, so that a lookup's miss means the key was not added. */
    boolean complete() {
        return complete;
    }

    /**
     * Adds a partition of the memtable (nothing when its key is indexed already). On return, lookups find it: if
     * a resize started while it was being added (and may not have copied it), it is added again to the table the
     * resize installs.
     */
    void add(MemtablePartition p) {
        while (true) {
            MemtablePartition[] t = table;
            int r = insert(t, p);
            if (r == FULL) {
                complete = false;
            } else if (r == INSERTED && size.incrementAndGet() > t.length / 2) {
                resize(t);
            }
            if (!resizing.get() && table == t) {
                return;
            }
            while (resizing.get()) {
                Thread.yield(); // the resizing thread copies the table; it may need this core
            }
        }
    }

    private static final int INSERTED = 0;
    private static final int PRESENT = 1;
    private static final int FULL = 2;

    private static int insert(MemtablePartition[] t, MemtablePartition p) {
        int mask = t.length - 1;
        for (int i = 0; i < t.length; i++) {
            int slot = (p.hash + i) & mask;
            while (true) {
                MemtablePartition q = (MemtablePartition) SLOTS.getAcquire(t, slot);
                if (q == null) {
                    if (SLOTS.compareAndSet(t, slot, null, p)) {
                        return INSERTED;
                    }
                    continue; // another partition took the slot: look at it
                }
                if (q == p || (q.hash == p.hash && q.compareTo(p.prefix, p.token, p.key) == 0)) {
                    return PRESENT;
                }
                break;
            }
        }
        return FULL;
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
                if (p != null && insert(bigger, p) == INSERTED) {
                    count++;
                }
            }
            // partitions added to the old table from here on may be missed by the new one: their adds see the
            // resize and add them again once the new table is installed
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
