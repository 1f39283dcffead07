package org.ringlet.cql.statements.ddl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableParams;
import org.ringlet.cql.ast.RawProperties;
import org.ringlet.cql.schema.TableParamsBuilder;

/** The {@code WITH} options of CREATE TABLE, read into {@link TableParams} with Cassandra's checks. */
final class TableOptions {
    private static final Set<String> KNOWN = Set.of("additional_write_policy", "allow_auto_snapshot",
            "bloom_filter_fp_chance", "caching", "cdc", "comment", "compaction", "compression", "crc_check_chance",
            "default_time_to_live", "extensions", "gc_grace_seconds", "incremental_backups", "max_index_interval",
            "memtable", "memtable_flush_period_in_ms", "min_index_interval", "read_repair", "speculative_retry");
    private static final Set<String> COMPACTION_CLASSES = Set.of("SizeTieredCompactionStrategy",
            "LeveledCompactionStrategy", "TimeWindowCompactionStrategy", "UnifiedCompactionStrategy");
    private static final Set<String> COMPRESSORS = Set.of("LZ4Compressor", "SnappyCompressor", "DeflateCompressor",
            "ZstdCompressor", "NoopCompressor");
    private static final String COMPACTION_PACKAGE = "org.apache.cassandra.db.compaction.";
    private static final String COMPRESSION_PACKAGE = "org.apache.cassandra.io.compress.";
    private static final int MAX_TTL = 630_720_000;

    private TableOptions() {
    }

    /** The options of a new table: Cassandra 5.0's defaults with the given properties applied. */
    static TableParams forCreate(RawProperties props) {
        Properties.checkKnown(props, KNOWN);
        TableParamsBuilder p = TableParamsBuilder.defaults();
        for (Map.Entry<String, Object> e : props.entries()) {
            apply(p, e.getKey(), e.getValue());
        }
        return p.build();
    }

    private static void apply(TableParamsBuilder p, String name, Object value) {
        switch (name) {
            case "additional_write_policy" -> p.additionalWritePolicy(Properties.string(name, value));
            case "allow_auto_snapshot" -> p.allowAutoSnapshot(Properties.bool(name, value));
            case "bloom_filter_fp_chance" -> {
                double d = Properties.decimal(name, value);
                if (d <= 0 || d > 1) {
                    throw new ConfigurationException("bloom_filter_fp_chance must be larger than 0.0 and less than "
                            + "or equal to 1.0 (got " + d + ")");
                }
                p.bloomFilterFpChance(d);
            }
            case "caching" -> {
                Map<String, String> m = new TreeMap<>(Map.of("keys", "ALL", "rows_per_partition", "NONE"));
                Properties.map(name, value).forEach((k, v) -> m.put(k, v.toUpperCase(Locale.ROOT)));
                p.caching(m);
            }
            case "cdc" -> p.cdc(Properties.bool(name, value));
            case "comment" -> p.comment(Properties.string(name, value));
            case "compaction" -> p.compaction(compaction(Properties.map(name, value)));
            case "compression" -> p.compression(compression(Properties.map(name, value)));
            case "crc_check_chance" -> {
                double d = Properties.decimal(name, value);
                if (d < 0 || d > 1) {
                    throw new ConfigurationException("crc_check_chance should be between 0.0 and 1.0");
                }
                p.crcCheckChance(d);
            }
            case "default_time_to_live" -> p.defaultTimeToLive(bounded(name, Properties.integer(name, value),
                    MAX_TTL));
            case "gc_grace_seconds" -> p.gcGraceSeconds(bounded(name, Properties.integer(name, value),
                    Integer.MAX_VALUE));
            case "incremental_backups" -> p.incrementalBackups(Properties.bool(name, value));
            case "max_index_interval" -> p.maxIndexInterval(Properties.integer(name, value));
            case "memtable" -> p.memtable(Properties.string(name, value));
            case "memtable_flush_period_in_ms" -> p.memtableFlushPeriodInMs(bounded(name,
                    Properties.integer(name, value), Integer.MAX_VALUE));
            case "min_index_interval" -> p.minIndexInterval(Properties.integer(name, value));
            case "read_repair" -> {
                String rr = Properties.string(name, value).toUpperCase(Locale.ROOT);
                if (!rr.equals("BLOCKING") && !rr.equals("NONE")) {
                    throw new ConfigurationException("Invalid read_repair value " + rr
                            + "; expected BLOCKING or NONE");
                }
                p.readRepair(rr);
            }
            case "speculative_retry" -> p.speculativeRetry(Properties.string(name, value));
            default -> throw new InvalidRequestException("The table option '" + name + "' is not supported yet");
        }
    }

    private static int bounded(String name, int value, int max) {
        if (value < 0) {
            throw new ConfigurationException(name + " must be greater than or equal to 0 (got " + value + ")");
        }
        if (value > max) {
            throw new ConfigurationException(name + " must be less than or equal to " + max + " (got " + value
                    + ")");
        }
        return value;
    }

    private static Map<String, String> compaction(Map<String, String> given) {
        Map<String, String> m = new TreeMap<>(given);
        String cls = m.get("class");
        if (cls == null) {
            throw new ConfigurationException("Missing sub-option 'class' for the 'compaction' option");
        }
        String simple = cls.startsWith(COMPACTION_PACKAGE) ? cls.substring(COMPACTION_PACKAGE.length()) : cls;
        if (!COMPACTION_CLASSES.contains(simple)) {
            throw new ConfigurationException("Unable to find compaction strategy class '"
                    + (cls.contains(".") ? cls : COMPACTION_PACKAGE + cls) + "'");
        }
        m.put("class", COMPACTION_PACKAGE + simple);
        m.putIfAbsent("max_threshold", "32");
        m.putIfAbsent("min_threshold", "4");
        return m;
    }

    private static Map<String, String> compression(Map<String, String> given) {
        Map<String, String> m = new TreeMap<>(given);
        if ("false".equalsIgnoreCase(m.get("enabled"))) {
            return Map.of("enabled", "false");
        }
        m.remove("enabled");
        String cls = m.getOrDefault("class", "LZ4Compressor");
        String simple = cls.startsWith(COMPRESSION_PACKAGE) ? cls.substring(COMPRESSION_PACKAGE.length()) : cls;
        if (!COMPRESSORS.contains(simple)) {
            throw new ConfigurationException("Could not create Compression for type " + cls);
        }
        m.put("class", COMPRESSION_PACKAGE + simple);
        m.putIfAbsent("chunk_length_in_kb", "16");
        return m;
    }
}
