package org.ringlet.api.schema;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.ReversedType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableMetadataTest {
    private static final TableMetadata T = TableMetadata.builder("ks", "t")
            .addRegular("zeta", NativeType.INT)
            .addClustering("c2", NativeType.TEXT, ClusteringOrder.DESC)
            .addStatic("sb", NativeType.INT)
            .addPartitionKey("k1", NativeType.INT)
            .addRegular("alpha", ListType.of(NativeType.INT))
            .addClustering("c1", NativeType.INT, ClusteringOrder.ASC)
            .addStatic("sa", NativeType.INT)
            .addPartitionKey("k0", NativeType.TEXT)
            .addRegular("Beta", NativeType.INT)
            .build();

    private static List<String> names(List<ColumnMetadata> cs) {
        return cs.stream().map(ColumnMetadata::name).toList();
    }

    @Test
    void columnOrder() {
        // positions are given in the order of addition within each kind
        assertEquals(List.of("k1", "k0"), names(T.partitionKeyColumns()));
        assertEquals(List.of("c2", "c1"), names(T.clusteringColumns()));
        assertEquals(List.of("sa", "sb"), names(T.staticColumns()));
        assertEquals(List.of("Beta", "alpha", "zeta"), names(T.regularColumns()));
        assertEquals(List.of("k1", "k0", "c2", "c1", "sa", "sb", "Beta", "alpha", "zeta"),
                names(T.allColumnsInSelectOrder()));
        assertEquals(List.of(ReversedType.of(NativeType.TEXT), NativeType.INT), T.clusteringComparisonTypes());
        assertTrue(T.hasStaticColumns());
        assertEquals(T, T.toBuilder().build());
        assertEquals("Undefined column name nope in table ks.t",
                assertThrows(InvalidRequestException.class, () -> T.requireColumn("nope")).getMessage());
    }

    @Test
    void namesSortByTheirUtf8Bytes() {
        // U+FFFD sorts before U+1F600 in UTF-8 (and by code point), but after its surrogates in UTF-16
        TableMetadata t = TableMetadata.builder("ks", "u").addPartitionKey("k", NativeType.INT)
                .addRegular("\uD83D\uDE00", NativeType.INT).addRegular("\uFFFD", NativeType.INT)
                .addRegular("a", NativeType.INT).build();
        assertEquals(List.of("a", "\uFFFD", "\uD83D\uDE00"), names(t.regularColumns()));
    }

    @Test
    void compositePartitionKeys() {
        ByteBuffer key = T.serializePartitionKey(List.of(NativeType.INT.decompose(1), NativeType.TEXT.decompose("ab")));
        assertEquals(ByteBuffer.wrap(new byte[] {0, 4, 0, 0, 0, 1, 0, 0, 2, 'a', 'b', 0}), key);
        assertEquals(List.of(NativeType.INT.decompose(1), NativeType.TEXT.decompose("ab")), T.splitPartitionKey(key));
        assertThrows(IllegalArgumentException.class, () -> T.serializePartitionKey(List.of(ByteBuffer.allocate(1))));
        assertThrows(InvalidRequestException.class,
                () -> T.serializePartitionKey(List.of(ByteBuffer.allocate(65536), ByteBuffer.allocate(0))));
        assertThrows(IllegalArgumentException.class, () -> T.splitPartitionKey(ByteBuffer.wrap(new byte[] {0, 9, 1})));
        assertThrows(IllegalArgumentException.class, () -> T.splitPartitionKey(ByteBuffer.wrap(new byte[] {0})));
        assertThrows(IllegalArgumentException.class,
                () -> T.splitPartitionKey(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0, 0, 7})));
        TableMetadata single = TableMetadata.builder("ks", "s").addPartitionKey("k", NativeType.INT).build();
        ByteBuffer k = NativeType.INT.decompose(5);
        assertEquals(k, single.serializePartitionKey(List.of(k)));
        assertEquals(List.of(k), single.splitPartitionKey(k));
    }

    @Property(tries = 300)
    void compositeKeysRoundTrip(@ForAll @Size(max = 300) byte[] a, @ForAll @Size(max = 300) byte[] b) {
        List<ByteBuffer> parts = List.of(ByteBuffer.wrap(a), ByteBuffer.wrap(b));
        ByteBuffer key = T.serializePartitionKey(parts);
        assertEquals(a.length + b.length + 6, key.remaining());
        assertEquals(parts, T.splitPartitionKey(key));
    }

    @Test
    void flagsAndChecks() {
        assertEquals(java.util.Set.of("compound"), T.flags());
        TableMetadata counters = TableMetadata.builder("ks", "c").addPartitionKey("k", NativeType.INT)
                .addRegular("n", NativeType.COUNTER).build();
        assertTrue(counters.isCounter());
        assertEquals(java.util.Set.of("compound", "counter"), counters.flags());
        assertThrows(InvalidRequestException.class, () -> TableMetadata.builder("ks", "x")
                .addRegular("v", NativeType.INT).build());
        assertThrows(IllegalArgumentException.class, () -> TableMetadata.builder("ks", "x")
                .addColumn(ColumnMetadata.partitionKey("k", NativeType.INT, 1)).build());
        assertThrows(IllegalArgumentException.class, () -> ColumnMetadata.regular("v", ReversedType.of(NativeType.INT)));
        assertFalse(T.isVirtual());
        assertEquals(TableId.forSystemTable("ks", "t"), T.id());
    }

    @Test
    void tableIdsOfSystemTablesAreCassandras() {
        assertEquals(UUID.fromString("5bc52802-de25-35ed-aeab-188eecebb090"),
                TableId.forSystemTable("system_auth", "roles").uuid());
        assertEquals(UUID.fromString("7ad54392-bcdd-35a6-8417-4e047860b377"),
                TableId.forSystemTable("system", "local").uuid());
        assertEquals(UUID.fromString("afddfb9d-bc1e-3068-8056-eed6c302ba09"),
                TableId.forSystemTable("system_schema", "tables").uuid());
        assertEquals("5bc52802de2535edaeab188eecebb090", TableId.forSystemTable("system_auth", "roles").toHexString());
    }

    @Test
    void paramsDefaultsAreCassandraFives() {
        TableParams p = TableParams.defaults();
        assertEquals("99p", p.additionalWritePolicy());
        assertTrue(p.allowAutoSnapshot());
        assertEquals(0.01, p.bloomFilterFpChance());
        assertEquals(Map.of("keys", "ALL", "rows_per_partition", "NONE"), p.caching());
        assertFalse(p.cdc());
        assertEquals("", p.comment());
        assertEquals(Map.of("class", "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy",
                "max_threshold", "32", "min_threshold", "4"), p.compaction());
        assertEquals(Map.of("chunk_length_in_kb", "16", "class", "org.apache.cassandra.io.compress.LZ4Compressor"),
                p.compression());
        assertEquals(1.0, p.crcCheckChance());
        assertEquals(0, p.defaultTimeToLive());
        assertEquals(Map.of(), p.extensions());
        assertEquals(864000, p.gcGraceSeconds());
        assertTrue(p.incrementalBackups());
        assertEquals(2048, p.maxIndexInterval());
        assertEquals("default", p.memtable());
        assertEquals(0, p.memtableFlushPeriodInMs());
        assertEquals(128, p.minIndexInterval());
        assertEquals("BLOCKING", p.readRepair());
        assertEquals("99p", p.speculativeRetry());
        assertEquals(List.of("chunk_length_in_kb", "class"), List.copyOf(p.compression().keySet()), "sorted maps");
        assertEquals(TableParams.SIZE_TIERED, p.compactionClass());
        assertEquals("x", p.withComment("x").comment());
        assertEquals(5, p.withGcGraceSeconds(5).gcGraceSeconds());
        assertEquals(7, p.withDefaultTimeToLive(7).defaultTimeToLive());
        assertEquals(TableParams.LEVELED, p.withCompaction(Map.of("class", TableParams.LEVELED)).compactionClass());
    }
}
