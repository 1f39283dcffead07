package org.ringlet.cql.statements.ddl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.ast.RawProperties;

/** Reading {@code WITH} properties with Cassandra's checks and messages. */
final class Properties {
    private Properties() {
    }

    /** @throws SyntaxException {@code Unknown property 'x'} for a property not in {@code known} */
    static void checkKnown(RawProperties props, Set<String> known) {
        for (Map.Entry<String, Object> e : props.entries()) {
            if (!known.contains(e.getKey())) {
                throw new SyntaxException("Unknown property '" + e.getKey() + "'");
            }
        }
    }

    static String string(String name, Object value) {
        if (!(value instanceof String s)) {
            throw new SyntaxException("Invalid value for property '" + name + "'. It should be a string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> map(String name, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new SyntaxException("Invalid value for property '" + name + "'. It should be a map.");
        }
        return (Map<String, String>) m;
    }

    static int integer(String name, Object value) {
        String s = string(name, value);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new SyntaxException("Invalid integer value " + s + " for '" + name + "'");
        }
    }

    static double decimal(String name, Object value) {
        String s = string(name, value);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new SyntaxException("Invalid double value " + s + " for '" + name + "'");
        }
    }

    static boolean bool(String name, Object value) {
        String s = string(name, value).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new SyntaxException("Invalid boolean value " + string(name, value) + " for '" + name
                    + "'. Positive values can be '1', 'true' or 'yes'. Negative values can be '0', 'false' or 'no'.");
        };
    }
}
