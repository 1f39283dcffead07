package org.ringlet.api.types;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CqlTypeParserTest {
    private static final UserType ADDRESS = UserType.of("ks", "address", List.of("street"), List.of(NativeType.TEXT));
    private static final UserType MIXED = UserType.of("ks", "My \"Type\"", List.of("a"), List.of(NativeType.INT));
    private static final Map<String, UserType> TYPES = Map.of("address", ADDRESS, "My \"Type\"", MIXED);

    private static CqlType parse(String text) {
        return CqlTypeParser.parse(text, TYPES::get);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "bigint", "blob", "boolean", "counter", "decimal", "double", "float", "int",
            "timestamp", "uuid", "text", "varint", "timeuuid", "inet", "date", "time", "smallint", "tinyint",
            "duration"})
    void nativeTypes(String name) {
        assertSame(NativeType.byName(name), CqlTypeParser.parse(name));
        assertSame(NativeType.byName(name), CqlTypeParser.parse("  " + name.toUpperCase() + " "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "varchar|text",
            "list<int>|list<int>",
            "SET< text >|set<text>",
            "map<text,int>|map<text, int>",
            "frozen<list<int>>|frozen<list<int>>",
            "frozen< map<int, frozen<set<text>>> >|frozen<map<int, frozen<set<text>>>>",
            "frozen<list<list<int>>>|frozen<list<frozen<list<int>>>>",
            "list<frozen<list<int>>>|list<frozen<list<int>>>",
            "map<text, frozen<tuple<int, int>>>|map<text, frozen<tuple<int, int>>>",
            "tuple<int, text, list<int>>|frozen<tuple<int, text, frozen<list<int>>>>",
            "frozen<tuple<int>>|frozen<tuple<int>>",
            "vector<float, 3>|vector<float, 3>",
            "vector<vector<int,2>,2>|vector<vector<int, 2>, 2>",
            "vector<list<int>, 2>|vector<frozen<list<int>>, 2>",
            "address|address",
            "Address|address",
            "frozen<address>|frozen<address>",
            "list<frozen<address>>|list<frozen<address>>",
            "\"My \"\"Type\"\"\"|\"My \"\"Type\"\"\"",
            "frozen<\"My \"\"Type\"\"\">|frozen<\"My \"\"Type\"\"\">",
    })
    void parsesAndPrintsBack(String text, String cqlName) {
        CqlType t = parse(text);
        assertEquals(cqlName, t.cqlName());
        assertEquals(t, parse(t.cqlName()), "the printed name parses to the same type");
    }

    @Test
    void structure() {
        assertEquals(MapType.of(NativeType.TEXT, ListType.frozen(NativeType.INT)),
                parse("map<text, frozen<list<int>>>"));
        assertEquals(VectorType.of(NativeType.FLOAT, 1536), parse("vector<float,1536>"));
        assertSame(MIXED, parse("\"My \"\"Type\"\"\""));
        assertEquals(MIXED.freeze(), parse("frozen<\"My \"\"Type\"\"\">"));
        assertEquals(TupleType.of(NativeType.INT, ADDRESS.freeze()), parse("tuple<int, address>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "set<set<int>>|Non-frozen collections are not allowed inside collections: set<set<int>>",
            "map<text, list<int>>|Non-frozen collections are not allowed inside collections: map<text, list<int>>",
            "map<list<int>, int>|Non-frozen collections are not allowed inside collections: map<list<int>, int>",
            "list<address>|Non-frozen UDTs are not allowed inside collections: list<address>",
            "map<int, address>|Non-frozen UDTs are not allowed inside collections: map<int, address>",
            "list<counter>|Counters are not allowed inside collections: list<counter>",
            "frozen<set<counter>>|Counters are not allowed inside collections: set<counter>",
            "frozen<int>|frozen<> is only allowed on collections, tuples, and user-defined types (got int)",
            "nosuchtype|Unknown type nosuchtype",
            "list<nosuch>|Unknown type nosuch",
            "vector<float, 0>|vectors may only have positive dimensions; given 0",
    })
    void invalidTypes(String text, String message) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(text));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list<", "list<int", "list<int>>", "map<int>", "map<int int>", "tuple<>",
            "vector<float>", "vector<float, x>", "vector<float, 99999999999>", "\"unterminated", "int int", "<int>",
            "list<int,>", "frozen<list<int>"})
    void syntaxErrors(String text) {
        assertThrows(SyntaxException.class, () -> parse(text));
    }

    @Test
    void userTypesNamedLikeCollectionKeywordsReadBackFromTheirCqlNames() {
        for (String name : List.of("map", "list", "set", "frozen", "tuple", "vector")) {
            UserType t = UserType.of("ks", name, List.of("f"), List.of(NativeType.INT));
            // map, list, frozen, tuple and vector are not reserved in CQL: written unquoted; set is quoted
            assertEquals(name.equals("set") ? "\"set\"" : name, t.cqlName());
            assertEquals(t, CqlTypeParser.parse(t.cqlName(), n -> n.equals(name) ? t : null));
            assertEquals(t.freeze(), CqlTypeParser.parse("frozen<" + name + ">", n -> n.equals(name) ? t : null));
            assertEquals(ListType.of(t.freeze()), CqlTypeParser.parse("list<frozen<" + name + ">>",
                    n -> n.equals(name) ? t : null));
        }
        assertThrows(InvalidRequestException.class, () -> parse("map"), "no such user type");
    }

    @Test
    void deeplyNestedTypesAreRefusedWithoutExhaustingTheStack() {
        String deep = "frozen<list<".repeat(50_000) + "int" + ">>".repeat(50_000);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(deep));
        assertEquals("Invalid type: nested more than 100 levels deep", e.getMessage());
        // Each frozen<list<…>> is two levels; 49 of them and the int are 99.
        assertEquals(50, depth(parse("frozen<list<".repeat(49) + "int" + ">>".repeat(49))));
        assertThrows(InvalidRequestException.class,
                () -> parse("frozen<list<".repeat(50) + "int" + ">>".repeat(50)));
    }

    private static int depth(CqlType t) {
        return t instanceof ListType l ? 1 + depth(l.elementType()) : 1;
    }
}
