package org.ringlet.cql.types;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JSON reader gives the Java classes Cassandra's JSON library gives (its messages name them). */
class JsonParserTest {

    @Test
    void numbersTakeTheSmallestIntegerClassOrDouble() {
        assertEquals(1, JsonParser.parse("1"));
        assertEquals(99999999999L, JsonParser.parse("99999999999"));
        assertEquals(new BigInteger("99999999999999999999"), JsonParser.parse("99999999999999999999"));
        assertEquals(1000.0, JsonParser.parse("1e3"));
        assertEquals(-1.5, JsonParser.parse(" -1.5 "));
        assertEquals(Integer.class, JsonParser.parse("-2147483648").getClass());
        assertEquals(Long.class, JsonParser.parse("2147483648").getClass());
    }

    @Test
    void objectsKeepTheirOrderAndStringsTheirEscapes() {
        Object parsed = JsonParser.parse("{\"b\": [1, \"x\\n\\u0041\\\"\"], \"a\": {\"\\\"K\\\"\": null}, \"c\": true}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
        assertEquals(List.of(1, "x\nA\""), map.get("b"));
        assertNull(((Map<?, ?>) map.get("a")).get("\"K\""));
        assertEquals(true, map.get("c"));
        assertEquals("{b=[1, x\nA\"], a={\"K\"=null}, c=true}", parsed.toString());
    }

    @Test
    void malformedDocumentsAreRefused() {
        for (String bad : List.of("{", "[1,", "{\"a\" 1}", "tru", "1 2", "\"open", "{1: 2}", "")) {
            assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(bad), bad);
        }
    }
}
