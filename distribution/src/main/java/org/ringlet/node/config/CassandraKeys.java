package org.ringlet.node.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys Apache Cassandra accepts in cassandra.yaml, read from the {@code cassandra-keys.txt} resource. A key in
 * this list that Ringlet does not support is a warning, not an error, so a real cassandra.yaml can be used as is.
 *
 * <p>Immutable and thread-safe.
 */
public final class CassandraKeys {
    private static final String RESOURCE = "cassandra-keys.txt";

    private final Set<String> keys;

    private CassandraKeys(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /** The list shipped with Ringlet. */
    public static CassandraKeys load() {
        try (InputStream in = CassandraKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + CassandraKeys.class);
            }
            Set<String> keys = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String key = line.strip();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    keys.add(key);
                }
            }
            return new CassandraKeys(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Whether Cassandra knows this key. */
    public boolean contains(String key) {
        return keys.contains(key);
    }

    /** How many keys are known. */
    public int size() {
        return keys.size();
    }

    /** The candidate closest to {@code key} by edit distance, if it is close enough to be a likely typo. */
    static Optional<String> closest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
