package org.ringlet.cql.terms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.functions.AssignmentResult;

/**
 * Which types a constant can be assigned to, as Cassandra decides it: each kind of constant has a preferred type
 * (an exact match) and a set of types it can be converted to (weakly assignable).
 */
final class LiteralAssignment {
    private LiteralAssignment() {
    }

    static AssignmentResult test(RawTerm.Literal literal, CqlType target) {
        CqlType t = target.unwrap();
        if (!(t instanceof NativeType nt)) {
            return AssignmentResult.NOT_ASSIGNABLE;
        }
        if (nt == preferredType(literal)) {
            return AssignmentResult.EXACT_MATCH;
        }
        boolean ok = switch (literal.kind()) {
            case STRING -> switch (nt.kind()) {
                case ASCII, TEXT, INET, DATE, TIME, TIMESTAMP -> true;
                default -> false;
            };
            case INTEGER -> switch (nt.kind()) {
                case BIGINT, COUNTER, DATE, DECIMAL, DOUBLE, DURATION, FLOAT, INT, SMALLINT, TIME, TIMESTAMP,
                        TINYINT, VARINT -> true;
                default -> false;
            };
            case UUID -> nt == NativeType.UUID || nt == NativeType.TIMEUUID;
            case FLOAT -> nt == NativeType.DECIMAL || nt == NativeType.DOUBLE || nt == NativeType.FLOAT;
            case BOOLEAN -> nt == NativeType.BOOLEAN;
            case HEX -> nt == NativeType.BLOB;
            case DURATION -> nt == NativeType.DURATION;
        };
        return ok ? AssignmentResult.WEAKLY_ASSIGNABLE : AssignmentResult.NOT_ASSIGNABLE;
    }

    /** The type a constant is on its own (used when nothing else decides its type). */
    static NativeType preferredType(RawTerm.Literal literal) {
        String text = literal.text();
        return switch (literal.kind()) {
            case STRING -> StandardCharsets.US_ASCII.newEncoder().canEncode(text) ? NativeType.ASCII : NativeType.TEXT;
            case INTEGER -> {
                BigInteger b = new BigInteger(text);
                if (b.bitLength() < 32) {
                    yield NativeType.INT;
                }
                yield b.bitLength() < 64 ? NativeType.BIGINT : NativeType.VARINT;
            }
            case UUID -> UUID.fromString(text).version() == 1 ? NativeType.TIMEUUID : NativeType.UUID;
            case FLOAT -> {
                if (text.endsWith("NaN") || text.endsWith("Infinity")) {
                    yield NativeType.DOUBLE;
                }
                BigDecimal d = new BigDecimal(text);
                yield d.compareTo(BigDecimal.valueOf(d.doubleValue())) == 0 ? NativeType.DOUBLE : NativeType.DECIMAL;
            }
            case BOOLEAN -> NativeType.BOOLEAN;
            case HEX -> NativeType.BLOB;
            case DURATION -> NativeType.DURATION;
        };
    }
}
