package org.ringlet.storage.lsm.compaction;

import java.util.Locale;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;

/**
 * A table's {@code compaction} options with Cassandra's names and defaults. The strategy's {@code class} may be
 * the short or the fully qualified Cassandra class name; an unknown strategy falls back to size-tiered (the
 * query layer validates the names; the engine stays available).
 *
 * @param leveled                      whether the class is LeveledCompactionStrategy
 * @param enabled                      {@code enabled}, default true
 * @param minThreshold                 {@code min_threshold}, default 4
 * @param maxThreshold                 {@code max_threshold}, default 32
 * @param bucketLow                    {@code bucket_low}, default 0.5
 * @param bucketHigh                   {@code bucket_high}, default 1.5
 * @param minSSTableSize               {@code min_sstable_size} in bytes (default 50 MiB)
 * @param tombstoneThreshold           {@code tombstone_threshold}, default 0.2
 * @param tombstoneCompactionInterval  {@code tombstone_compaction_interval} in seconds, default 86400
 * @param uncheckedTombstoneCompaction {@code unchecked_tombstone_compaction}, default false
 * @param sstableSize                  {@code sstable_size_in_mb} in bytes (default 160 MiB), leveled only
 * @param fanoutSize                   {@code fanout_size}, default 10, leveled only
 */
public record CompactionOptions(boolean leveled, boolean enabled, int minThreshold, int maxThreshold,
                                double bucketLow, double bucketHigh, long minSSTableSize, double tombstoneThreshold,
                                long tombstoneCompactionInterval, boolean uncheckedTombstoneCompaction,
                                long sstableSize, int fanoutSize) {

    /** Reads the options of a table's {@code compaction} map. */
    public static CompactionOptions from(Map<String, String> options) {
        String cls = options.getOrDefault("class", "SizeTieredCompactionStrategy");
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        boolean leveled = simple.equals("LeveledCompactionStrategy");
        return new CompactionOptions(leveled,
                bool(options, "enabled", true),
                integer(options, "min_threshold", 4),
                integer(options, "max_threshold", 32),
                number(options, "bucket_low", 0.5),
                number(options, "bucket_high", 1.5),
                (long) (number(options, "min_sstable_size", 50) * (1 << 20)),
                number(options, "tombstone_threshold", 0.2),
                (long) number(options, "tombstone_compaction_interval", 86400),
                bool(options, "unchecked_tombstone_compaction", false),
                (long) (number(options, "sstable_size_in_mb", 160) * (1 << 20)),
                integer(options, "fanout_size", 10));
    }

    /** The strategy's name for logs and history. */
    public String strategyName() {
        return leveled ? "LeveledCompactionStrategy" : "SizeTieredCompactionStrategy";
    }

    private static boolean bool(Map<String, String> o, String key, boolean dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("compaction option " + key + " must be true or false, got '"
                    + v + "'");
        };
    }

    private static int integer(Map<String, String> o, String key, int dflt) {
        return (int) number(o, key, dflt);
    }

    private static double number(Map<String, String> o, String key, double dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("compaction option " + key + " must be a number, got '" + v + "'");
        }
    }
}
