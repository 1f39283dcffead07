package org.ringlet.cql.statements.dml;

import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.cql.ast.RawStatement;

/** Cassandra's rules on what a batch may hold, with its messages. */
final class BatchRules {
    static final String ONLY_MODIFICATIONS =
            "Invalid statement in batch: only UPDATE, INSERT and DELETE statements are allowed.";

    private BatchRules() {
    }

    /**
     * Checks a batch's statements, in Cassandra's order.
     *
     * @param timestampSet whether the batch sets its own timestamp
     * @throws InvalidRequestException with Cassandra's message when they may not go together
     */
    static void check(RawStatement.BatchType type, boolean timestampSet, List<Modification> statements) {
        if (timestampSet && type == RawStatement.BatchType.COUNTER) {
            throw new InvalidRequestException("Cannot provide custom timestamp for counter BATCH");
        }
        boolean counters = false;
        boolean others = false;
        for (Modification s : statements) {
            if (timestampSet && s.hasTimestamp()) {
                throw new InvalidRequestException("Timestamp must be set either on BATCH or individual statements");
            }
            counters |= s.isCounter();
            others |= !s.isCounter();
        }
        if (type == RawStatement.BatchType.COUNTER && others) {
            throw new InvalidRequestException("Cannot include non-counter statement in a counter batch");
        }
        if (counters && others) {
            throw new InvalidRequestException("Counter and non-counter mutations cannot exist in the same batch");
        }
        if (type == RawStatement.BatchType.LOGGED && counters) {
            throw new InvalidRequestException("Cannot include a counter statement in a logged batch");
        }
    }
}
