package org.ringlet.api.types;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.testing.fuzz.CqlStatementGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The type parser against 10,000 random and mutated type names and statements: it either returns a type whose
 * CQL name parses back to the same type, or throws {@link SyntaxException} or {@link
 * InvalidRequestException} (which a client sees as 0x2000/0x2200) — never anything else, whatever the nesting.
 */
class CqlTypeParserFuzzProperties {

    @Property(tries = 10_000)
    void anyTextIsATypeOrAClearError(@ForAll long seed) {
        Random r = new Random(seed);
        String text = r.nextInt(4) == 0 ? CqlStatementGenerator.statementMaybeMutated(r)
                : CqlStatementGenerator.typeName(r);
        CqlType t;
        try {
            t = CqlTypeParser.parse(text, name -> UserType.of("ks", name, java.util.List.of("f"),
                    java.util.List.of(NativeType.INT)));
        } catch (SyntaxException | InvalidRequestException e) {
            assertNotNull(e.getMessage());
            return;
        }
        assertEquals(t, CqlTypeParser.parse(t.cqlName(), name -> UserType.of("ks", name, java.util.List.of("f"),
                java.util.List.of(NativeType.INT))), "the type's CQL name reads back as the same type: " + text);
    }
}
