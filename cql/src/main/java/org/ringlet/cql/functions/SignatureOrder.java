package org.ringlet.cql.functions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.types.CqlType;

/**
 * The order in which Cassandra 5.0.6 lists the overloads of a native function in its messages ("known type
 * signatures: ..."). Cassandra keeps overloads in a hash set, so the order is arbitrary but stable; the file
 * {@code signature-order.txt} records it per function (argument types of each overload, as observed on a real
 * Cassandra 5.0.6), and overloads it does not mention keep their declaration order after the others.
 */
final class SignatureOrder {
    private SignatureOrder() {
    }

    static void apply(Map<String, List<CqlFunction>> functions) {
        Map<String, List<String>> order = load();
        for (Map.Entry<String, List<String>> e : order.entrySet()) {
            List<CqlFunction> overloads = functions.get(e.getKey());
            if (overloads == null) {
                continue;
            }
            List<String> known = e.getValue();
            List<CqlFunction> sorted = new ArrayList<>(overloads);
            sorted.sort(Comparator.comparingInt(f -> {
                int i = known.indexOf(key(f));
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            functions.put(e.getKey(), sorted);
        }
    }

    private static String key(CqlFunction f) {
        List<String> names = new ArrayList<>();
        for (CqlType t : f.argumentTypes()) {
            names.add(t.cqlName());
        }
        return String.join(",", names);
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> out = new HashMap<>();
        try (InputStream in = SignatureOrder.class.getResourceAsStream("signature-order.txt")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                List<String> overloads = new ArrayList<>();
                for (String o : line.substring(colon + 1).split("\\|")) {
                    overloads.add(o.strip().replace(" ", ""));
                }
                out.put(line.substring(0, colon).strip(), overloads);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
