package org.ringlet.api.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;

/**
 * Parses CQL type names as they appear in DDL and in {@code system_schema} ({@code int}, {@code frozen<list<text>>},
 * {@code map<text, frozen<tuple<int, int>>>}, {@code vector<float, 3>}, a user type name, quoted or not).
 */
public final class CqlTypeParser {
    /**
     * The deepest nesting of type parameters accepted. Far beyond any real schema; it keeps a hostile type name
     * (thousands of {@code frozen<list<}) from exhausting the parser's stack.
     */
    public static final int MAX_NESTING = 100;

    private final String text;
    private static final Set<String> COLLECTION_KEYWORDS = Set.of("frozen", "list", "set",
            "map", "tuple", "vector");
    private final Function<String, UserType> userTypes;
    private int pos;
    private int depth;

    private CqlTypeParser(String text, Function<String, UserType> userTypes) {
        this.text = text;
        this.userTypes = userTypes;
    }

    /**
     * Parses a type name.
     *
     * @param text      the type name
     * @param userTypes resolves a user type name (unquoted, case preserved) to its non-frozen type, or null if
     *                  unknown
     * @throws SyntaxException         when the text is not a type name
     * @throws InvalidRequestException when it names an unknown user type or an invalid combination
     */
    public static CqlType parse(String text, Function<String, UserType> userTypes) {
        CqlTypeParser p = new CqlTypeParser(text, userTypes);
        CqlType t = p.type(false);
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw new SyntaxException("Invalid type '" + text + "': unexpected '" + text.substring(p.pos) + "'");
        }
        return t;
    }

    /** Parses a type name that names no user types. */
    public static CqlType parse(String text) {
        return parse(text, name -> null);
    }

    /**
     * Parses one type.
     *
     * @param inFrozen whether the type is inside {@code frozen<>} (or a tuple or vector), where nested collections
     *                 and user types are frozen implicitly
     */
    private CqlType type(boolean inFrozen) {
        if (++depth > MAX_NESTING) {
            throw new InvalidRequestException("Invalid type: nested more than " + MAX_NESTING + " levels deep");
        }
        try {
            return nestedType(inFrozen);
        } finally {
            depth--;
        }
    }

    private CqlType nestedType(boolean inFrozen) {
        skipSpaces();
        if (peek() == '"') {
            return userType(quoted());
        }
        String word = word();
        String lower = word.toLowerCase(Locale.ROOT);
        if (COLLECTION_KEYWORDS.contains(lower)) {
            skipSpaces();
            if (peek() != '<') {
                // a user type named like a collection keyword (CQL names it unquoted: "map" is not reserved)
                return userType(lower);
            }
        }
        switch (lower) {
            case "frozen" -> {
                expect('<');
                CqlType inner = type(true);
                expect('>');
                if (inner instanceof NativeType) {
                    throw new InvalidRequestException("frozen<> is only allowed on collections, tuples, and "
                            + "user-defined types (got " + inner.cqlName() + ")");
                }
                return inner.freeze();
            }
            case "list" -> {
                expect('<');
                CqlType e = type(inFrozen);
                expect('>');
                checkElements("list", inFrozen, e);
                return ListType.of(e);
            }
            case "set" -> {
                expect('<');
                CqlType e = type(inFrozen);
                expect('>');
                checkElements("set", inFrozen, e);
                return SetType.of(e);
            }
            case "map" -> {
                expect('<');
                CqlType k = type(inFrozen);
                expect(',');
                CqlType v = type(inFrozen);
                expect('>');
                checkElements("map", inFrozen, k, v);
                return MapType.of(k, v);
            }
            case "tuple" -> {
                expect('<');
                List<CqlType> types = new ArrayList<>();
                types.add(type(true));
                while (tryConsume(',')) {
                    types.add(type(true));
                }
                expect('>');
                return TupleType.of(types);
            }
            case "vector" -> {
                expect('<');
                CqlType e = type(true);
                expect(',');
                skipSpaces();
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw new SyntaxException("Invalid type '" + text + "': expected a vector dimension");
                }
                int dim;
                try {
                    dim = Integer.parseInt(text.substring(start, pos));
                } catch (NumberFormatException ex) {
                    throw new SyntaxException("Invalid type '" + text + "': vector dimension "
                            + text.substring(start, pos) + " is too large");
                }
                expect('>');
                if (dim <= 0) {
                    throw new InvalidRequestException("vectors may only have positive dimensions; given " + dim);
                }
                return VectorType.of(e, dim);
            }
            default -> {
                NativeType n = NativeType.byName(lower);
                if (n != null) {
                    return n;
                }
                return userType(lower);
            }
        }
    }

    /**
     * Cassandra's checks of a collection's elements: counters are not allowed, and outside {@code frozen<>} the
     * elements must not be non-frozen collections or user types.
     */
    private static void checkElements(String kind, boolean inFrozen, CqlType... elements) {
        StringBuilder sb = new StringBuilder(kind).append('<');
        for (int i = 0; i < elements.length; i++) {
            sb.append(i > 0 ? ", " : "").append(elements[i].cqlName());
        }
        String name = sb.append('>').toString();
        for (CqlType e : elements) {
            if (e.isCounter()) {
                throw new InvalidRequestException("Counters are not allowed inside collections: " + name);
            }
        }
        if (!inFrozen) {
            for (CqlType e : elements) {
                if (e.isMultiCell()) {
                    throw new InvalidRequestException(e.isCollection()
                            ? "Non-frozen collections are not allowed inside collections: " + name
                            : "Non-frozen UDTs are not allowed inside collections: " + name);
                }
            }
        }
    }

    private CqlType userType(String name) {
        UserType t = userTypes.apply(name);
        if (t == null) {
            throw new InvalidRequestException("Unknown type " + name);
        }
        return t;
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw new SyntaxException("Invalid type '" + text + "' at position " + pos);
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    sb.append('"');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw new SyntaxException("Invalid type '" + text + "': unterminated quoted name");
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean tryConsume(char c) {
        skipSpaces();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw new SyntaxException("Invalid type '" + text + "': expected '" + c + "' at position " + pos);
        }
    }
}
