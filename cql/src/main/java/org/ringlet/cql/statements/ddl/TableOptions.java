package org.ringlet.cql.statements.ddl;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableParams;
import org.ringlet.cql.ast.RawProperties;
import org.ringlet.cql.schema.TableParamsBuilder;

/**
 * The {@code WITH} options of CREATE and ALTER TABLE, read into {@link TableParams} in Cassandra's two steps:
 * {@link #parse} reads each value (its type, and the structured options' sub-options) before the table is looked
 * up; {@link #validate} then rejects unknown properties and checks the ranges in Cassandra's order.
 */
final class TableOptions {
    static final String ID = "id";
    private static final Set<String> KNOWN = Set.of("additional_write_policy", "allow_auto_snapshot",
            "bloom_filter_fp_chance", "caching", "cdc", "comment", "compaction", "compression", "crc_check_chance",
            "default_time_to_live", "extensions", "gc_grace_seconds", "incremental_backups", "max_index_interval",
            "memtable", "memtable_flush_period_in_ms", "min_index_interval", "read_repair", "speculative_retry", ID);
    /** The smallest false-positive chance a bloom filter supports (Cassandra's BloomCalculations). */
    private static final double MIN_BLOOM_FILTER_FP_CHANCE = 6.71e-05;
    private static final int MAX_TTL = 630_720_000;

    private TableOptions() {
    }

    /**
     * The options with the given properties applied to {@code base}, in the order Cassandra reads them; unknown
     * properties are left to {@link #validate}.
     *
     * @throws org.ringlet.api.error.SyntaxException for a value of the wrong kind
     * @throws ConfigurationException                 for invalid sub-options of compaction, compression, caching,
     *                                                memtable or the retry policies
     */
    static TableParams parse(TableParams base, RawProperties props) {
        TableParamsBuilder p = new TableParamsBuilder(base);
        Object v;
        if ((v = value(props, "allow_auto_snapshot")) != null) {
            p.allowAutoSnapshot(Properties.bool("allow_auto_snapshot", v));
        }
        if ((v = value(props, "bloom_filter_fp_chance")) != null) {
            p.bloomFilterFpChance(Properties.decimal("bloom_filter_fp_chance", v));
        }
        if ((v = value(props, "caching")) != null) {
            p.caching(TableOptionValues.caching(Properties.map("caching", v)));
        }
        if ((v = value(props, "comment")) != null) {
            p.comment(Properties.string("comment", v));
        }
        if ((v = value(props, "compaction")) != null) {
            p.compaction(TableOptionValues.compaction(Properties.map("compaction", v)));
        }
        if ((v = value(props, "compression")) != null) {
            p.compression(TableOptionValues.compression(Properties.map("compression", v)));
        }
        if ((v = value(props, "memtable")) != null) {
            String memtable = Properties.string("memtable", v);
            if (!memtable.equals("default")) {
                throw new ConfigurationException("Memtable configuration \"" + memtable + "\" not found.");
            }
            p.memtable(memtable);
        }
        if ((v = value(props, "default_time_to_live")) != null) {
            p.defaultTimeToLive(Properties.integer("default_time_to_live", v));
        }
        if ((v = value(props, "gc_grace_seconds")) != null) {
            p.gcGraceSeconds(Properties.integer("gc_grace_seconds", v));
        }
        if ((v = value(props, "incremental_backups")) != null) {
            p.incrementalBackups(Properties.bool("incremental_backups", v));
        }
        if ((v = value(props, "max_index_interval")) != null) {
            p.maxIndexInterval(Properties.integer("max_index_interval", v));
        }
        if ((v = value(props, "memtable_flush_period_in_ms")) != null) {
            p.memtableFlushPeriodInMs(Properties.integer("memtable_flush_period_in_ms", v));
        }
        if ((v = value(props, "min_index_interval")) != null) {
            p.minIndexInterval(Properties.integer("min_index_interval", v));
        }
        if ((v = value(props, "speculative_retry")) != null) {
            p.speculativeRetry(TableOptionValues.retryPolicy("speculative_retry",
                    Properties.string("speculative_retry", v)));
        }
        if ((v = value(props, "additional_write_policy")) != null) {
            p.additionalWritePolicy(TableOptionValues.retryPolicy("additional_write_policy",
                    Properties.string("additional_write_policy", v)));
        }
        if ((v = value(props, "crc_check_chance")) != null) {
            p.crcCheckChance(Properties.decimal("crc_check_chance", v));
        }
        if ((v = value(props, "cdc")) != null) {
            p.cdc(Properties.bool("cdc", v));
        }
        if ((v = value(props, "read_repair")) != null) {
            String rr = Properties.string("read_repair", v).toUpperCase(Locale.ROOT);
            if (!rr.equals("BLOCKING") && !rr.equals("NONE")) {
                throw new ConfigurationException("Invalid read_repair value " + rr + "; expected BLOCKING or NONE");
            }
            p.readRepair(rr);
        }
        // as Cassandra, extensions are accepted but not set from CQL
        return p.build();
    }

    /**
     * The options of a new table: Cassandra's defaults with the properties applied; as Cassandra, a table whose
     * bloom filter chance is not given gets its compaction strategy's default (0.1 for leveled compaction).
     */
    static TableParams parseNew(RawProperties props) {
        TableParams p = parse(TableParams.defaults(), props);
        if (value(props, "bloom_filter_fp_chance") == null && p.compactionClass().equals(TableParams.LEVELED)) {
            p = new TableParamsBuilder(p).bloomFilterFpChance(0.1).build();
        }
        return p;
    }

    private static Object value(RawProperties props, String name) {
        return props.get(name).orElse(null);
    }

    /**
     * Rejects unknown properties, then checks the options as Cassandra's {@code TableParams.validate} does.
     *
     * @throws org.ringlet.api.error.SyntaxException {@code Unknown property 'x'}
     * @throws ConfigurationException                 for an option out of its range
     */
    static void validate(RawProperties props, TableParams p) {
        Properties.checkKnown(props, KNOWN);
        validate(p);
    }

    /** Cassandra's {@code TableParams.validate}, in its order. */
    static void validate(TableParams p) {
        if (!p.compaction().isEmpty()) {
            TableOptionValues.validateCompaction(p.compaction());
        }
        double bloom = p.bloomFilterFpChance();
        if (bloom <= MIN_BLOOM_FILTER_FP_CHANCE || bloom > 1) {
            throw new ConfigurationException("bloom_filter_fp_chance must be larger than " + MIN_BLOOM_FILTER_FP_CHANCE
                    + " and less than or equal to 1.0 (got " + bloom + ")");
        }
        double crc = p.crcCheckChance();
        if (crc < 0 || crc > 1.0) {
            throw new ConfigurationException("crc_check_chance must be larger than or equal to 0 and smaller than or "
                    + "equal to 1.0 (got " + crc + ")");
        }
        if (p.defaultTimeToLive() < 0) {
            throw new ConfigurationException("default_time_to_live must be greater than or equal to 0 (got "
                    + p.defaultTimeToLive() + ")");
        }
        if (p.defaultTimeToLive() > MAX_TTL) {
            throw new ConfigurationException("default_time_to_live must be less than or equal to " + MAX_TTL
                    + " (got " + p.defaultTimeToLive() + ")");
        }
        if (p.gcGraceSeconds() < 0) {
            throw new ConfigurationException("gc_grace_seconds must be greater than or equal to 0 (got "
                    + p.gcGraceSeconds() + ")");
        }
        if (p.minIndexInterval() < 1) {
            throw new ConfigurationException("min_index_interval must be greater than or equal to 1 (got "
                    + p.minIndexInterval() + ")");
        }
        if (p.maxIndexInterval() < p.minIndexInterval()) {
            throw new ConfigurationException("max_index_interval must be greater than or equal to min_index_interval ("
                    + p.minIndexInterval() + ") (got " + p.maxIndexInterval() + ")");
        }
        if (p.memtableFlushPeriodInMs() < 0) {
            throw new ConfigurationException("memtable_flush_period_in_ms must be greater than or equal to 0 (got "
                    + p.memtableFlushPeriodInMs() + ")");
        }
    }

    /**
     * The table id a CREATE TABLE gives ({@code WITH id = ...}), or null.
     *
     * @throws ConfigurationException {@code Invalid table id}
     */
    static TableId id(RawProperties props) {
        Object v = value(props, ID);
        if (v == null) {
            return null;
        }
        try {
            return new TableId(UUID.fromString(Properties.string(ID, v)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid table id");
        }
    }
}
