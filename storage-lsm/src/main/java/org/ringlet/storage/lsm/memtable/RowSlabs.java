package org.ringlet.storage.lsm.memtable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serialized rows of one memtable packed into large arrays ("slabs"), as with {@code memtable_allocation_type:
 * heap_buffers} (ADR 0165). A row is copied once into the current slab behind a 4-byte length and named by a
 * {@code long} reference (slab number in the upper half, offset in the lower); a memtable then holds a few arrays
 * of about a megabyte instead of one array per row, so young collections have far fewer objects to copy, and a
 * full-size slab fills one 1 MiB region of G1 (the array and its 16-byte header), which G1 allocates directly
 * outside the young generation (a humongous object) and never copies.
 *
 * <p>Slabs start small ({@link #FIRST_SLAB}) and double up to {@link #SLAB}, so a table that receives a few writes
 * keeps a few kilobytes. A row larger than {@link #MAX_PACKED} gets a slab of its own. Bytes once written are never
 * changed or reused: an update of a row writes a new copy (the old one stays until the memtable is flushed and
 * dropped, as its accounting assumes). Slabs go with the memtable: there is no explicit release, so a reader still
 * holding a row of a flushed memtable stays valid.
 *
 * <p>Allocation is lock-free within a slab (a compare-and-set of its fill mark); starting a slab takes a lock.
 * A reference reaches readers through a volatile write made after the bytes were copied and the slab registered,
 * so a reader that sees the reference sees both.
 */
public final class RowSlabs {
    /** The size of a full slab: with its array header, exactly one 1 MiB region of G1. */
    static final int SLAB = (1 << 20) - 16;
    /** The size of a memtable's first slab. */
    static final int FIRST_SLAB = 16 << 10;
    /** Rows (with their length) larger than this get a slab of their own. */
    static final int MAX_PACKED = 128 << 10;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private record Slab(int number, byte[] bytes, AtomicInteger fill) {
    }

    private final Object lock = new Object();
    /** The slabs by number (replaced by a longer copy when full; written under {@link #lock}). */
    private volatile byte[][] slabs = new byte[8][];
    /** Slabs started so far (under {@link #lock}). */
    private int count;
    private volatile Slab current;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong reserved = new AtomicLong();

    /** Copies a row's bytes in and returns its reference. */
    public long add(byte[] src, int offset, int length) {
        int need = length + Integer.BYTES;
        if (need > MAX_PACKED) {
            byte[] own = new byte[need];
            int number;
            synchronized (lock) {
                number = register(own);
            }
            write(own, 0, src, offset, length);
            used.addAndGet(need);
            return reference(number, 0);
        }
        while (true) {
            Slab s = current;
            if (s != null) {
                int at = s.fill.get();
                if (at + need <= s.bytes.length) {
                    if (s.fill.compareAndSet(at, at + need)) {
                        write(s.bytes, at, src, offset, length);
                        used.addAndGet(need);
                        return reference(s.number, at);
                    }
                    continue;
                }
            }
            startSlab(s);
        }
    }

    private static void write(byte[] slab, int at, byte[] src, int offset, int length) {
        INT.set(slab, at, length);
        System.arraycopy(src, offset, slab, at + Integer.BYTES, length);
    }

    private void startSlab(Slab full) {
        synchronized (lock) {
            if (current != full) {
                return; // another writer started one
            }
            int size = full == null ? FIRST_SLAB : Math.min(SLAB, full.bytes.length * 2);
            byte[] bytes = new byte[size];
            current = new Slab(register(bytes), bytes, new AtomicInteger());
        }
    }

    /** Adds an array to the table of slabs; returns its number. Under {@link #lock}. */
    private int register(byte[] bytes) {
        byte[][] table = slabs;
        if (count == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[count] = bytes;
        slabs = table;
        reserved.addAndGet(bytes.length);
        return count++;
    }

    private static long reference(int slab, int offset) {
        return ((long) slab << 32) | (offset & 0xFFFFFFFFL);
    }

    /**
     * The bytes of a row, as a buffer over its slab from the row's first byte to its last (position and limit are
     * offsets into the slab's array, {@code arrayOffset()} is 0). The bytes must not be modified.
     */
    public ByteBuffer get(long reference) {
        byte[] slab = slabs[(int) (reference >>> 32)];
        int at = (int) reference;
        int length = (int) INT.get(slab, at);
        return ByteBuffer.wrap(slab, at + Integer.BYTES, length);
    }

    /** The bytes rows take in the slabs, their lengths included. */
    public long usedBytes() {
        return used.get();
    }

    /** The bytes of all slabs started (the heap they hold, array headers aside). */
    public long reservedBytes() {
        return reserved.get();
    }

    /** The number of slabs started. */
    public int slabCount() {
        synchronized (lock) {
            return count;
        }
    }

    /** The bytes each row takes in a slab (for memory accounting). */
    static long footprint(int rowLength) {
        return (long) rowLength + Integer.BYTES;
    }
}
