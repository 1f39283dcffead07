package org.ringlet.storage.lsm.memtable;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.ringlet.api.ring.Token;

/**
 * The partitions of a memtable in key order: a concurrent skip list whose nodes are the
 * {@link MemtablePartition}s themselves (one object per partition, where a {@code ConcurrentSkipListMap} needs a
 * node, index nodes, and a key object). Partitions are only ever added, never removed (a memtable is dropped
 * whole once flushed), which keeps the lock-free insert simple: a node is linked on the lowest level with one
 * compare-and-set, which makes it visible, then on the levels above. Readers never block and see every partition
 * whose insert completed before they started.
 *
 * <p>A node's height comes from a 64-bit mix of its key and the list's seed (¼ of the nodes reach each next
 * level), so no random source is shared between writers.
 */
final class PartitionList {
    static final int MAX_HEIGHT = 16;

    private final MemtablePartition head = new MemtablePartition(MAX_HEIGHT);
    private final long seed;

    PartitionList(long seed) {
        this.seed = seed;
    }

    /** The height of a new node for a key: 1 + (trailing zero bits of a hash) / 2, at most {@link #MAX_HEIGHT}. */
    int heightFor(Token token, byte[] key) {
        long h = seed ^ ((long) token.hashCode() << 32);
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return Math.min(MAX_HEIGHT, 1 + Long.numberOfTrailingZeros(h) / 2);
    }

    /** The partition with this key, or null. */
    MemtablePartition get(Token token, byte[] key) {
        long prefix = token.orderPrefix();
        MemtablePartition n = ceiling(token, key);
        return n != null && n.compareTo(prefix, token, key) == 0 ? n : null;
    }

    /** The first partition at or after the key, or null. */
    MemtablePartition ceiling(Token token, byte[] key) {
        long prefix = token.orderPrefix();
        MemtablePartition x = head;
        MemtablePartition n = null;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            while (true) {
                n = x.next(level);
                if (n == null) {
                    break;
                }
                int c = n.compareTo(prefix, token, key);
                if (c > 0) {
                    break;
                }
                if (c == 0) {
                    return n;
                }
                x = n;
            }
        }
        return n;
    }

    /** The first partition, or null. */
    MemtablePartition first() {
        return head.next(0);
    }

    /**
     * The partition of the key, inserting the one {@code create} makes (with the key's token, bytes and
     * {@link #heightFor height}) when there is none.
     */
    MemtablePartition putIfAbsent(Token token, byte[] key, Supplier<MemtablePartition> create) {
        long prefix = token.orderPrefix();
        MemtablePartition[] preds = new MemtablePartition[MAX_HEIGHT];
        MemtablePartition[] succs = new MemtablePartition[MAX_HEIGHT];
        MemtablePartition node = null;
        while (true) {
            MemtablePartition x = head;
            for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
                MemtablePartition n;
                while (true) {
                    n = x.next(level);
                    if (n == null) {
                        break;
                    }
                    int c = n.compareTo(prefix, token, key);
                    if (c == 0) {
                        return n;
                    }
                    if (c > 0) {
                        break;
                    }
                    x = n;
                }
                preds[level] = x;
                succs[level] = n;
            }
            if (node == null) {
                node = create.get();
            }
            node.initNext(0, succs[0]);
            if (preds[0].casNext(0, succs[0], node)) {
                break;
            }
        }
        // visible now; link the levels above (a reader that misses a level only walks further on the one below)
        for (int level = 1; level < node.height(); level++) {
            while (true) {
                node.initNext(level, succs[level]);
                if (preds[level].casNext(level, succs[level], node)) {
                    break;
                }
                // nodes were inserted after preds[level] meanwhile: move forward on this level (nothing is removed)
                MemtablePartition x = preds[level];
                MemtablePartition n;
                while ((n = x.next(level)) != null && n.compareTo(prefix, token, key) < 0) {
                    x = n;
                }
                preds[level] = x;
                succs[level] = n;
            }
        }
        return node;
    }

    /** The partitions from {@code first} (inclusive) on, in key order. */
    static Iterator<MemtablePartition> iterator(MemtablePartition first) {
        return new Iterator<>() {
            private MemtablePartition next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public MemtablePartition next() {
                MemtablePartition n = next;
                if (n == null) {
                    throw new NoSuchElementException();
                }
                next = n.next(0);
                return n;
            }
        };
    }
}
