package org.ringlet.api.types;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "abc|abc",
            "a_1|a_1",
            "Abc|\"Abc\"",
            "1abc|\"1abc\"",
            "_abc|\"_abc\"",
            "with space|\"with space\"",
            "q\"uote|\"q\"\"uote\"",
            "select|\"select\"",
            "table|\"table\"",
            "token|\"token\"",
            "materialized|\"materialized\"",
            "é|\"é\"",
            // words that are keywords but not reserved in Cassandra 5.0 stay unquoted
            "key|key",
            "type|type",
            "default|default",
            "unset|unset",
            "replace|replace",
            "mbean|mbean",
            "ttl|ttl",
            "writetime|writetime",
            "keyspaces|keyspaces",
    })
    void maybeQuote(String name, String expected) {
        assertEquals(expected, Identifiers.maybeQuote(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "allow", "alter", "and", "apply", "asc", "authorize", "batch", "begin", "by",
            "columnfamily", "create", "delete", "desc", "describe", "drop", "entries", "execute", "from", "full",
            "grant", "if", "in", "index", "infinity", "insert", "into", "is", "keyspace", "limit", "materialized",
            "modify", "nan", "norecursive", "not", "null", "of", "on", "or", "order", "primary", "rename", "revoke",
            "schema", "select", "set", "table", "to", "token", "truncate", "unlogged", "update", "use", "using",
            "view", "where", "with"})
    void cassandraFiveReservedKeywords(String word) {
        assertTrue(Identifiers.isReserved(word));
        assertTrue(Identifiers.isReserved(word.toUpperCase()));
        assertEquals('"' + word + '"', Identifiers.maybeQuote(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "unset", "replace", "mbean", "mbeans", "key", "ttl", "json", "distinct"})
    void unreservedKeywords(String word) {
        assertFalse(Identifiers.isReserved(word));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"a|\"a\"", "\"|\"\"\"\"", "|\"\""})
    void quote(String name, String expected) {
        assertEquals(expected, Identifiers.quote(name == null ? "" : name));
    }
}
