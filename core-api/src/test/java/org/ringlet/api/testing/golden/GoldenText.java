package org.ringlet.api.testing.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The small text conventions shared by the golden files that pin Ringlet's behaviour to Apache Cassandra's:
 * one record per line, {@code #} comments, and option maps written as {@code key=value;key=value} with
 * {@code %XX} escapes for anything outside {@code [A-Za-z0-9_.+-]} (an empty map is {@code -}).
 */
public final class GoldenText {
    private GoldenText() {
    }

    /** One non-blank, non-comment line with its 1-based line number. */
    public record Line(int number, String text) {
        /** The line split on single spaces into at most {@code limit} fields. */
        public String[] fields(int limit) {
            return text.split(" ", limit);
        }

        /** An error naming this line. */
        public IllegalStateException error(String what) {
            return new IllegalStateException("golden line " + number + ": " + what + ": " + text);
        }
    }

    /** Reads the meaningful lines of a classpath resource. */
    public static List<Line> readResource(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no golden resource " + resource + " next to " + anchor.getName());
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank() && !text.startsWith("#")) {
                    lines.add(new Line(number, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Escapes a string so that it contains no space, {@code ;}, {@code =} or {@code %}. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.+-".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}. */
    public static String unescape(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes an option map, in its iteration order. */
    public static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "-";
        }
        StringJoiner j = new StringJoiner(";");
        options.forEach((k, v) -> j.add(escape(k) + "=" + escape(v)));
        return j.toString();
    }

    /** Reads an option map, keeping the written order. */
    public static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.equals("-")) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not key=value: " + pair);
            }
            out.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
        }
        return out;
    }
}
