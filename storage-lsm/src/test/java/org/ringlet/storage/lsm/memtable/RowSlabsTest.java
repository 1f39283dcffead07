package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slabs of ADR 0165: what goes in comes out, slabs grow as designed, the byte counts add up. */
class RowSlabsTest {
    private static byte[] row(SplittableRandom rnd, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) rnd.nextInt();
        }
        return b;
    }

    private static byte[] read(ByteBuffer b) {
        assertEquals(0, b.arrayOffset(), "positions count from the array's start");
        return Arrays.copyOfRange(b.array(), b.position(), b.limit());
    }

    @Test
    void rowsReadBackAsWrittenAndTheBytesAddUp() {
        RowSlabs slabs = new RowSlabs();
        SplittableRandom rnd = new SplittableRandom(7);
        List<byte[]> rows = new ArrayList<>();
        List<Long> refs = new ArrayList<>();
        long used = 0;
        long large = 0;
        for (int i = 0; i < 10_000; i++) {
            int length = switch (rnd.nextInt(200)) {
                case 0 -> RowSlabs.MAX_PACKED - 4 + rnd.nextInt(8); // both sides of the limit
                case 1 -> 0;
                case 2 -> 1_000 + rnd.nextInt(200_000);
                default -> 100 + rnd.nextInt(60);
            };
            byte[] r = row(rnd, length);
            // written from the middle of a larger array, as rows come from an encoder's buffer
            byte[] src = new byte[length + 10];
            System.arraycopy(r, 0, src, 3, length);
            refs.add(slabs.add(src, 3, length));
            rows.add(r);
            used += length + 4;
            if (length + 4 > RowSlabs.MAX_PACKED) {
                large += length + 4;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), read(slabs.get(refs.get(i))), "row " + i);
        }
        assertEquals(used, slabs.usedBytes());
        // packed slabs: 16 KiB, doubling to one G1 region less the array header, then full size
        long packed = slabs.reservedBytes() - large;
        long sum = 0;
        int size = RowSlabs.FIRST_SLAB;
        int packedSlabs = 0;
        while (sum < packed) {
            sum += size;
            packedSlabs++;
            size = Math.min(RowSlabs.SLAB, size * 2);
        }
        assertEquals(packed, sum, "slab sizes 16 KiB, 32 KiB, ... up to " + RowSlabs.SLAB);
        assertEquals(RowSlabs.SLAB + 16, 1 << 20);
        int largeRows = (int) rows.stream().filter(r -> r.length + 4 > RowSlabs.MAX_PACKED).count();
        assertEquals(packedSlabs + largeRows, slabs.slabCount());
        // what a slab leaves unused at its end is less than the largest packed row
        assertTrue(slabs.reservedBytes() - slabs.usedBytes() < (long) packedSlabs * RowSlabs.MAX_PACKED,
                () -> slabs.reservedBytes() + " reserved, " + slabs.usedBytes() + " used");
    }

    @Test
    void concurrentWritersGetDisjointSpace() throws Exception {
        RowSlabs slabs = new RowSlabs();
        int threads = 4;
        int perThread = 20_000;
        long[][] refs = new long[threads][perThread];
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> all = new ArrayList<>();
        long[] used = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    SplittableRandom rnd = new SplittableRandom(id);
                    for (int i = 0; i < perThread; i++) {
                        byte[] r = row(rnd, 1 + rnd.nextInt(300));
                        refs[id][i] = slabs.add(r, 0, r.length);
                        used[id] += r.length + 4;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            all.add(th);
            th.start();
        }
        for (Thread th : all) {
            th.join();
        }
        assertTrue(errors.isEmpty(), errors::toString);
        for (int t = 0; t < threads; t++) {
            SplittableRandom rnd = new SplittableRandom(t);
            for (int i = 0; i < perThread; i++) {
                byte[] r = row(rnd, 1 + rnd.nextInt(300));
                assertArrayEquals(r, read(slabs.get(refs[t][i])), "thread " + t + " row " + i);
            }
        }
        assertEquals(Arrays.stream(used).sum(), slabs.usedBytes());
    }
}
