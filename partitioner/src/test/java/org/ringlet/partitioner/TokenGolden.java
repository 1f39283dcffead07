package org.ringlet.partitioner;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.ringlet.api.ring.PartitionKeys;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.testing.golden.GoldenText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a partitioner against {@code golden/tokens-cassandra-5.0.6.txt}, generated from Cassandra 5.0.6 by the
 * {@code oracle} profile:
 *
 * <pre>
 * key TYPE HEX MURMUR3 RANDOM                 (HEX '-' when empty; composite: component hexes joined by ':')
 * mid PARTITIONER LEFT RIGHT EXPECTED         (tokens in the partitioner's string form, '-' when empty)
 * split PARTITIONER LEFT RIGHT RATIO EXPECTED
 * </pre>
 */
final class TokenGolden {
    static final String RESOURCE = "/golden/tokens-cassandra-5.0.6.txt";

    enum Column {
        MURMUR3(3), RANDOM(4);

        final int field;

        Column(int field) {
            this.field = field;
        }
    }

    private TokenGolden() {
    }

    /** The serialized key of a {@code key} line: composites are serialized with {@link PartitionKeys}. */
    static ByteBuffer key(String type, String hex) {
        if (type.equals("composite")) {
            List<ByteBuffer> components = new ArrayList<>();
            for (String c : hex.split(":", -1)) {
                components.add(ByteBuffer.wrap(HexFormat.of().parseHex(c)));
            }
            return PartitionKeys.serialize(components);
        }
        return ByteBuffer.wrap(hex.equals("-") ? new byte[0] : HexFormat.of().parseHex(hex));
    }

    private static Token token(Partitioner p, String s) {
        return p.fromString(s.equals("-") ? "" : s);
    }

    /** Checks every line for {@code name}; {@code column} selects the key tokens (null: no key tokens). */
    static void check(String name, Partitioner p, Column column) {
        int keys = 0;
        int arithmetic = 0;
        for (GoldenText.Line line : GoldenText.readResource(TokenGolden.class, RESOURCE)) {
            String[] f = line.fields(-1);
            switch (f[0]) {
                case "key" -> {
                    if (column != null) {
                        assertEquals(f[column.field], p.toString(p.token(key(f[1], f[2]))), line.toString());
                        keys++;
                    }
                }
                case "mid" -> {
                    if (f[1].equals(name)) {
                        assertEquals(token(p, f[4]), p.midpoint(token(p, f[2]), token(p, f[3])), line.toString());
                        arithmetic++;
                    }
                }
                case "split" -> {
                    if (f[1].equals(name)) {
                        assertEquals(token(p, f[5]), p.split(token(p, f[2]), token(p, f[3]),
                                Double.parseDouble(f[4])), line.toString());
                        arithmetic++;
                    }
                }
                default -> throw line.error("unknown record");
            }
        }
        assertTrue(column == null || keys >= 900, "too few golden keys: " + keys);
        assertTrue(arithmetic >= 100, "too few golden midpoints and splits for " + name + ": " + arithmetic);
    }
}
