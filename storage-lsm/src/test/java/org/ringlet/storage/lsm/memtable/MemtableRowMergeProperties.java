package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The rows a memtable stores after random updates (cells, TTLs, tombstones, collection elements and deletions,
 * row deletions, colliding timestamps) are byte for byte the serialized fold of {@link Row#merge} over the
 * updates' rows: the memtable's serialized merge must not change what is stored.
 */
class MemtableRowMergeProperties {
    private static byte[] encode(Row r) {
        ByteOutput out = new ByteOutput(16);
        DataSerializer.writeRow(r, out);
        ByteBuffer b = out.toByteBuffer();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    @Property(tries = 300)
    void storedRowsAreTheFoldOfRowMerge(@ForAll long seed, @ForAll boolean monotonic,
                                        @ForAll @IntRange(min = 1, max = 60) int updates) {
        TableMetadata t = RandomPartitions.table("ks", "t", ClusteringOrder.ASC);
        CellOrder order = CellOrder.of(t);
        RandomPartitions random = new RandomPartitions(seed, t, new HashPartitioner(), 3, 4);
        if (monotonic) {
            random.monotonicTimestamps(1);
        }
        Memtable m = new Memtable(1, t);
        Memtable slabbed = new Memtable(1, t, AllocationType.HEAP_BUFFERS);
        Map<DecoratedKey, Map<Clustering, Row>> expected = new HashMap<>();
        for (int u = 0; u < updates; u++) {
            Partition p = random.update(random.key());
            m.apply(p);
            slabbed.apply(p);
            Map<Clustering, Row> rows = expected.computeIfAbsent(p.key(), k -> new HashMap<>());
            for (Row r : p.rows()) {
                rows.merge(r.clustering(), r, (a, b) -> Row.merge(a, b, order));
            }
        }
        for (Memtable mt : List.of(m, slabbed)) {
            for (Map.Entry<DecoratedKey, Map<Clustering, Row>> e : expected.entrySet()) {
                MemtablePartition p = mt.get(e.getKey());
                assertNotNull(p);
                int n = 0;
                for (Iterator<Map.Entry<Clustering, ByteBuffer>> it = p.serializedRows(); it.hasNext(); n++) {
                    Map.Entry<Clustering, ByteBuffer> row = it.next();
                    Row want = e.getValue().get(row.getKey());
                    assertNotNull(want, () -> "unexpected row " + row.getKey());
                    assertEquals(ByteBuffer.wrap(encode(want)), row.getValue(),
                            () -> "row " + row.getKey() + " want " + want);
                }
                assertEquals(e.getValue().size(), n);
            }
        }
    }
}
