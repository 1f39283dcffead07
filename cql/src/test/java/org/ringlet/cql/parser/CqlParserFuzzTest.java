package org.ringlet.cql.parser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.testing.fuzz.CqlStatementGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CQL parser against 10,000 random statements of core-api's {@link CqlStatementGenerator} (the generator the
 * native transport's fuzzing sends over the wire): half well-formed, half damaged as hostile or buggy clients damage
 * them. Every statement either parses or fails with a syntax or invalid-request error (what a client would get as
 * 0x2000 or 0x2200), never with anything else; none takes long, and the whole run is bounded.
 * {@code -Dringlet.fuzz.seed=N} replays another sequence.
 */
class CqlParserFuzzTest {
    private static final int STATEMENTS = 10_000;
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);

    @Test
    void randomAndMutatedStatementsParseOrFailCleanly() {
        long seed = Long.getLong("ringlet.fuzz.seed", 20_251_126L);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[3];
        long[] slowest = {0};
        String[] slowestStatement = {""};
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < STATEMENTS; i++) {
                boolean mutated = i % 2 == 1;
                String statement = mutated ? CqlStatementGenerator.statementMaybeMutated(random)
                        : CqlStatementGenerator.statement(random);
                long start = System.nanoTime();
                try {
                    CqlParsers.parse(statement);
                    outcomes[0]++;
                } catch (SyntaxException e) {
                    outcomes[1]++;
                } catch (InvalidRequestException e) {
                    outcomes[2]++;
                } catch (RuntimeException | StackOverflowError e) {
                    if (failures.size() < 20) {
                        failures.add(e + " for " + printable(statement));
                    }
                }
                long took = System.nanoTime() - start;
                if (took > slowest[0]) {
                    slowest[0] = took;
                    slowestStatement[0] = statement;
                }
            }
        }, "10,000 statements must parse in bounded time (seed " + seed + ")");
        assertEquals(List.of(), failures, "only syntax and invalid-request errors may come out of the parser (seed "
                + seed + ")");
        assertEquals(STATEMENTS, outcomes[0] + outcomes[1] + outcomes[2]);
        assertTrue(slowest[0] < SLOWEST_ALLOWED.toNanos(), "the slowest statement took " + slowest[0] / 1_000_000
                + " ms: " + printable(slowestStatement[0]));
        assertTrue(outcomes[0] > STATEMENTS / 4, "well-formed statements parse: " + outcomes[0] + " parsed, "
                + outcomes[1] + " syntax errors, " + outcomes[2] + " invalid");
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
