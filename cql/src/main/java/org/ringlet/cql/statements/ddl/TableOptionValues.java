package org.ringlet.cql.statements.ddl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.error.ConfigurationException;

/**
 * The structured table options (compaction, compression, caching, speculative retry) parsed and completed as
 * Cassandra 5.0 does, with its messages. Stateless.
 */
final class TableOptionValues {
    static final String COMPACTION_PACKAGE = "org.apache.cassandra.db.compaction.";
    static final String COMPRESSION_PACKAGE = "org.apache.cassandra.io.compress.";
    private static final String STCS = "SizeTieredCompactionStrategy";
    private static final String LCS = "LeveledCompactionStrategy";
    private static final String TWCS = "TimeWindowCompactionStrategy";
    private static final String UCS = "UnifiedCompactionStrategy";
    private static final Set<String> COMMON_COMPACTION = Set.of("tombstone_threshold",
            "tombstone_compaction_interval", "unchecked_tombstone_compaction", "log_all",
            "only_purge_repaired_tombstones", "provide_overlapping_tombstones");
    private static final Set<String> THRESHOLDS = Set.of("min_threshold", "max_threshold");
    private static final Set<String> SIZE_TIERED = Set.of("min_sstable_size", "bucket_low", "bucket_high");
    private static final Map<String, Set<String>> COMPACTION_OPTIONS = Map.of(
            STCS, union(COMMON_COMPACTION, THRESHOLDS, SIZE_TIERED),
            LCS, union(COMMON_COMPACTION, THRESHOLDS, SIZE_TIERED,
                    Set.of("sstable_size_in_mb", "fanout_size", "single_sstable_uplevel")),
            TWCS, union(COMMON_COMPACTION, THRESHOLDS, SIZE_TIERED, Set.of("compaction_window_unit",
                    "compaction_window_size", "timestamp_resolution", "expired_sstable_check_frequency_seconds",
                    "unsafe_aggressive_sstable_expiration")),
            UCS, union(COMMON_COMPACTION, Set.of("scaling_parameters", "target_sstable_size", "base_shard_count",
                    "min_sstable_size", "flush_size_override", "max_sstables_to_compact", "sstable_growth",
                    "expired_sstable_check_frequency_seconds", "unsafe_aggressive_sstable_expiration",
                    "overlap_inclusion_method", "survival_factor", "parallelize_output_shards")));
    private static final Set<String> COMPRESSORS = Set.of("LZ4Compressor", "SnappyCompressor", "DeflateCompressor",
            "ZstdCompressor", "NoopCompressor");
    private static final Set<String> COMPRESSION_OPTIONS = Set.of("class", "chunk_length_in_kb", "min_compress_ratio",
            "max_compressed_length", "enabled", "compression_level", "lz4_compressor_type",
            "lz4_high_compressor_level");
    private static final Pattern PERCENTILE = Pattern.compile("^(?<val>[0-9.]+)(p|PERCENTILE)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIXED = Pattern.compile("^(?<val>[0-9.]+)ms$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYBRID = Pattern.compile("^(?<fun>MIN|MAX)\\((?<a>[^,]+),(?<b>[^)]+)\\)$",
            Pattern.CASE_INSENSITIVE);

    private TableOptionValues() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new TreeSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }

    /** {@code compaction}: the strategy class made fully qualified, thresholds completed for those that use them. */
    static Map<String, String> compaction(Map<String, String> given) {
        Map<String, String> m = new TreeMap<>(given);
        String cls = m.get("class");
        if (cls == null) {
            throw new ConfigurationException("Missing sub-option 'class' for the 'compaction' option");
        }
        String simple = cls.startsWith(COMPACTION_PACKAGE) ? cls.substring(COMPACTION_PACKAGE.length()) : cls;
        if (!COMPACTION_OPTIONS.containsKey(simple)) {
            throw new ConfigurationException("Unable to find compaction strategy class '"
                    + (cls.contains(".") ? cls : COMPACTION_PACKAGE + cls) + "'");
        }
        m.put("class", COMPACTION_PACKAGE + simple);
        if (!simple.equals(UCS)) {
            m.putIfAbsent("max_threshold", "32");
            m.putIfAbsent("min_threshold", "4");
        }
        return m;
    }

    /** Cassandra's {@code CompactionParams.validate}: thresholds, then options the strategy does not know. */
    static void validateCompaction(Map<String, String> compaction) {
        String simple = compaction.get("class").substring(COMPACTION_PACKAGE.length());
        if (!simple.equals(UCS)) {
            int min = threshold(compaction, "min_threshold");
            int max = threshold(compaction, "max_threshold");
            if (min <= 0 || max <= 0) {
                throw new ConfigurationException("Disabling compaction by setting compaction thresholds to 0 has "
                        + "been removed, set the compaction option 'enabled' to false instead.");
            }
            if (min <= 1) {
                throw new ConfigurationException("Min compaction threshold cannot be less than 2 (got " + min + ")");
            }
            if (min > max) {
                throw new ConfigurationException("Min compaction threshold (got " + min + ") cannot be greater "
                        + "than max compaction threshold (got " + max + ")");
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String option : compaction.keySet()) {
            if (!option.equals("class") && !option.equals("enabled")
                    && !COMPACTION_OPTIONS.get(simple).contains(option)) {
                unknown.add(option);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Properties specified " + unknown + " are not understood by "
                    + simple);
        }
        if (compaction.containsKey("unsafe_aggressive_sstable_expiration")) {
            throw new ConfigurationException("unsafe_aggressive_sstable_expiration is requested but not allowed, "
                    + "restart cassandra with -Dcassandra.allow_unsafe_aggressive_sstable_expiration=true to allow "
                    + "it");
        }
    }

    private static int threshold(Map<String, String> compaction, String name) {
        String v = compaction.get(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid value " + v + " for '" + name + "'");
        }
    }

    /** {@code compression}: disabled, or a known compressor (fully qualified) with its chunk length. */
    static Map<String, String> compression(Map<String, String> given) {
        Map<String, String> m = new TreeMap<>(given);
        String enabled = m.get("enabled");
        if (enabled != null && !Boolean.parseBoolean(enabled)) {
            if (m.size() > 1) {
                throw new ConfigurationException("If the 'enabled' option is set to false no other options must "
                        + "be specified");
            }
            return Map.of("enabled", "false");
        }
        m.remove("enabled");
        String cls = m.get("class");
        if (cls == null || cls.isEmpty()) {
            throw new ConfigurationException("Missing sub-option 'class' for the 'compression' option.");
        }
        String simple = cls.startsWith(COMPRESSION_PACKAGE) ? cls.substring(COMPRESSION_PACKAGE.length()) : cls;
        String qualified = cls.contains(".") ? cls : COMPRESSION_PACKAGE + cls;
        if (!COMPRESSORS.contains(simple)) {
            throw new ConfigurationException("Could not create Compression for type " + qualified);
        }
        Set<String> unknown = new TreeSet<>(m.keySet());
        unknown.removeAll(COMPRESSION_OPTIONS);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown compression options " + String.join(", ", unknown));
        }
        m.put("class", COMPRESSION_PACKAGE + simple);
        String chunk = m.getOrDefault("chunk_length_in_kb", "16");
        int kb;
        try {
            kb = Integer.parseInt(chunk);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid value for chunk_length_in_kb");
        }
        if (kb <= 0) {
            throw new ConfigurationException("Invalid negative or null chunk_length_in_kb");
        }
        if (Integer.bitCount(kb) != 1) {
            throw new ConfigurationException("chunk_length_in_kb must be a power of 2");
        }
        m.put("chunk_length_in_kb", Integer.toString(kb));
        return m;
    }

    /** {@code caching}: keys ALL or NONE, rows_per_partition ALL, NONE or a count. */
    static Map<String, String> caching(Map<String, String> given) {
        Map<String, String> copy = new HashMap<>(given);
        String keys = copy.remove("keys");
        if (keys != null && !keys.equalsIgnoreCase("ALL") && !keys.equalsIgnoreCase("NONE")) {
            throw new ConfigurationException("Invalid value '" + keys + "' for caching sub-option 'keys': only 'ALL' "
                    + "and 'NONE' are allowed");
        }
        String rows = copy.remove("rows_per_partition");
        if (rows != null && !rows.equalsIgnoreCase("ALL") && !rows.equalsIgnoreCase("NONE") && !isCount(rows)) {
            throw new ConfigurationException("Invalid value '" + rows + "' for caching sub-option "
                    + "'rows_per_partition': only 'ALL', 'NONE', and integer values are allowed");
        }
        if (!copy.isEmpty()) {
            throw new ConfigurationException("Invalid caching sub-options " + copy.keySet() + ": only 'keys' and "
                    + "'rows_per_partition' are allowed");
        }
        Map<String, String> m = new TreeMap<>();
        m.put("keys", keys == null ? "ALL" : keys.toUpperCase(Locale.ROOT));
        m.put("rows_per_partition", rows == null ? "NONE"
                : isCount(rows) ? Integer.toString(Integer.parseInt(rows)) : rows.toUpperCase(Locale.ROOT));
        return m;
    }

    private static boolean isCount(String s) {
        try {
            return Integer.parseInt(s) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * {@code speculative_retry} and {@code additional_write_policy} as Cassandra stores them: {@code ALWAYS},
     * {@code NEVER}, {@code 99p} (a percentile), {@code 50ms} (a fixed delay) or {@code MIN(..,..)}/{@code MAX}.
     */
    static String retryPolicy(String option, String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("ALWAYS") || v.equalsIgnoreCase("NEVER")) {
            return v.toUpperCase(Locale.ROOT);
        }
        Matcher hybrid = HYBRID.matcher(v);
        if (hybrid.matches()) {
            String a = simplePolicy(option, hybrid.group("a").strip(), value);
            String b = simplePolicy(option, hybrid.group("b").strip(), value);
            return hybrid.group("fun").toUpperCase(Locale.ROOT) + "(" + a + "," + b + ")";
        }
        return simplePolicy(option, v, value);
    }

    private static String simplePolicy(String option, String v, String whole) {
        Matcher percentile = PERCENTILE.matcher(v);
        if (percentile.matches()) {
            double p = parse(percentile.group("val"), option, whole);
            if (p <= 0 || p >= 100) {
                throw new ConfigurationException("Invalid value " + whole + " for PERCENTILE option '" + option
                        + "': must be between (0.0 and 100.0)");
            }
            DecimalFormat f = new DecimalFormat("#.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return f.format(p) + "p";
        }
        Matcher fixed = FIXED.matcher(v);
        if (fixed.matches()) {
            double ms = parse(fixed.group("val"), option, whole);
            return new BigDecimal(ms).setScale(0, RoundingMode.DOWN).toPlainString() + "ms";
        }
        throw new ConfigurationException("Invalid value " + whole + " for option '" + option + "'");
    }

    private static double parse(String number, String option, String whole) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid value " + whole + " for option '" + option + "'");
        }
    }
}
