package org.ringlet.snitch.gossip.location;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * A strictly read snitch properties file ({@code cassandra-rackdc.properties}, {@code cassandra-topology.properties}):
 * one {@code key=value} (or {@code key:value}) per line, {@code #} and {@code !} comments, blank lines ignored,
 * backslash escapes in keys (so an IPv6 key is written {@code fe80\:0\:0\:0\:202\:b3ff\:fe1e\:8329=DC1:RAC3}).
 * Unlike {@link java.util.Properties}, a line that is not a key/value pair, an empty key or a repeated key is an
 * error naming the file and the line. Immutable.
 */
final class PropertiesFile {

    /** One {@code key=value} line. */
    record Entry(int line, String key, String value) {
    }

    private final Path path;
    private final List<Entry> entries;

    private PropertiesFile(Path path, List<Entry> entries) {
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads and checks a file.
     *
     * @throws ConfigurationException naming the file when it is missing or unreadable, and the line when a line
     *                                is malformed
     */
    static PropertiesFile read(Path path) {
        requireNonNull(path, "path is null");
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("Cannot read " + path + ": the file does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("Cannot read " + path + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + path + ": " + e, e);
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            Entry entry = parse(path, number, text);
            Integer previous = seen.put(entry.key(), number);
            if (previous != null) {
                throw new ConfigurationException(where(path, number) + "'" + entry.key()
                        + "' is already set on line " + previous + ": " + text);
            }
            entries.add(entry);
        }
        return new PropertiesFile(path, entries);
    }

    private static Entry parse(Path path, int number, String text) {
        StringBuilder key = new StringBuilder();
        int i = 0;
        boolean separated = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                key.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '=' || c == ':') {
                separated = true;
                i++;
                break;
            }
            key.append(c);
            i++;
        }
        String k = key.toString().strip();
        if (!separated) {
            throw new ConfigurationException(where(path, number) + "expected key=value but found: " + text);
        }
        if (k.isEmpty()) {
            throw new ConfigurationException(where(path, number) + "the key is empty: " + text);
        }
        return new Entry(number, k, text.substring(i).strip());
    }

    /** "In FILE, line N: " */
    static String where(Path path, int line) {
        return "In " + path + ", line " + line + ": ";
    }

    Path path() {
        return path;
    }

    List<Entry> entries() {
        return entries;
    }
}
