package org.ringlet.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Partition keys of several CQL types, generated from a seed: text (ASCII and multi-byte UTF-8, empty included),
 * int, bigint, uuid, blob (every length from 0 to 40, high bytes included) and composite keys of two or three
 * components.
 */
final class Keys {
    /** The key types, in the order they are generated. */
    static final List<String> TYPES = List.of("text", "int", "bigint", "uuid", "blob", "composite");

    /** A generated key: its type and serialized components (one unless composite). */
    record Key(String type, List<ByteBuffer> components) {
    }

    private Keys() {
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-";
    private static final String[] UNICODE = {"é", "ß", "Ж", "字", "日本", "😀", "\u0000", "ǅ"};

    static ByteBuffer text(Random r) {
        int length = r.nextInt(24);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (r.nextInt(8) == 0) {
                sb.append(UNICODE[r.nextInt(UNICODE.length)]);
            } else {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ByteBuffer single(String type, Random r, int i) {
        return switch (type) {
            case "text" -> text(r);
            case "int" -> ByteBuffer.allocate(4).putInt(0, i < 4 ? new int[] {0, -1, Integer.MIN_VALUE,
                    Integer.MAX_VALUE}[i] : r.nextInt());
            case "bigint" -> ByteBuffer.allocate(8).putLong(0, i < 4 ? new long[] {0, -1, Long.MIN_VALUE,
                    Long.MAX_VALUE}[i] : r.nextLong());
            case "uuid" -> {
                UUID u = new UUID(r.nextLong(), r.nextLong());
                yield ByteBuffer.allocate(16).putLong(0, u.getMostSignificantBits())
                        .putLong(8, u.getLeastSignificantBits());
            }
            case "blob" -> {
                byte[] b = new byte[i <= 40 ? i : r.nextInt(41)];
                r.nextBytes(b);
                yield ByteBuffer.wrap(b);
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** {@code perType} keys of every type. */
    static List<Key> generate(long seed, int perType) {
        Random r = new Random(seed);
        List<Key> keys = new ArrayList<>();
        for (String type : TYPES) {
            for (int i = 0; i < perType; i++) {
                if (type.equals("composite")) {
                    int n = 2 + r.nextInt(2);
                    List<ByteBuffer> parts = new ArrayList<>();
                    for (int c = 0; c < n; c++) {
                        String partType = TYPES.get(r.nextInt(TYPES.size() - 1));
                        parts.add(single(partType, r, 100));
                    }
                    keys.add(new Key(type, List.copyOf(parts)));
                } else {
                    keys.add(new Key(type, List.of(single(type, r, i))));
                }
            }
        }
        return keys;
    }
}
