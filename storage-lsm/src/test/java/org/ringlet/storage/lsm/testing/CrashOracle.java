package org.ringlet.storage.lsm.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a crash test knows about the writes to a key-value table: every write attempted (a unique value, or a
 * deletion, at a unique timestamp) and which were acknowledged. After a crash the engine must show, for each
 * key, the latest acknowledged write or a later attempted one, and never anything else. Thread-safe.
 */
public final class CrashOracle {
    /** A write: a value (null for a deletion) at a timestamp. */
    public record Write(long timestamp, String value) {
    }

    private final Map<String, Map<Long, Write>> attempted = new ConcurrentHashMap<>();
    private final Map<String, Write> acknowledged = new ConcurrentHashMap<>();

    public void attempted(String key, Write w) {
        attempted.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(w.timestamp(), w);
    }

    public void acknowledged(String key, Write w) {
        acknowledged.merge(key, w, (a, b) -> a.timestamp() >= b.timestamp() ? a : b);
    }

    /** The attempted write of a key at a timestamp. */
    public Write attemptedWrite(String key, long timestamp) {
        Write w = attempted.getOrDefault(key, Map.of()).get(timestamp);
        if (w == null) {
            throw new IllegalStateException("acknowledged a write never attempted: " + key + "@" + timestamp);
        }
        return w;
    }

    public Iterable<String> keys() {
        return new HashMap<>(attempted).keySet();
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /**
     * Checks what the engine shows for a key.
     *
     * @param value         the value read, or null when the key shows nothing
     * @param timestampRead the write timestamp of the value read (ignored when null)
     * @return null when fine, else what is wrong
     */
    public String check(String key, String value, long timestampRead) {
        Write acked = acknowledged.get(key);
        Map<Long, Write> tries = attempted.getOrDefault(key, Map.of());
        if (value == null) {
            if (acked == null || acked.value() == null) {
                return null;
            }
            for (Write w : tries.values()) {
                if (w.timestamp() > acked.timestamp() && w.value() == null) {
                    return null;
                }
            }
            return key + ": acknowledged value " + acked + " is missing";
        }
        Write w = tries.get(timestampRead);
        if (w == null || !value.equals(w.value())) {
            return key + ": shows " + value + "@" + timestampRead + ", which was never written (attempted at that "
                    + "timestamp: " + w + ", acknowledged: " + acked + ")";
        }
        if (acked != null && timestampRead < acked.timestamp()) {
            return key + ": shows " + value + "@" + timestampRead + ", older than the acknowledged " + acked;
        }
        return null;
    }
}
