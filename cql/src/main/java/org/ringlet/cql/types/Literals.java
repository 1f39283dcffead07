package org.ringlet.cql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;

/**
 * Converts the text of a constant to the serialized value of a native type, accepting the formats Cassandra
 * accepts and failing with its messages ({@link MarshalException}; callers turn it into an invalid request).
 */
public final class Literals {
    private Literals() {
    }

    /**
     * The value of {@code text} as a value of {@code type}.
     *
     * @param now the current time in milliseconds (a timestamp may be written {@code 'now'})
     * @throws MarshalException when the text is not a value of the type
     */
    public static ByteBuffer parse(NativeType type, String text, LongSupplier now) {
        if (text.isEmpty() && type != NativeType.DATE && type != NativeType.TIME && type != NativeType.DURATION) {
            // as Cassandra's types: an empty string is the empty value (a boolean's is false)
            return type == NativeType.BOOLEAN ? NativeType.BOOLEAN.decompose(false) : ByteBuffer.allocate(0);
        }
        return switch (type.kind()) {
            case ASCII -> ascii(text);
            case TEXT -> ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            case BIGINT, COUNTER -> longValue(text);
            case INT -> {
                try {
                    yield NativeType.INT.decompose(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("Unable to make int from '" + text + "'");
                }
            }
            case SMALLINT -> {
                try {
                    yield NativeType.SMALLINT.decompose(Short.parseShort(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("Unable to make short from '" + text + "'");
                }
            }
            case TINYINT -> {
                try {
                    yield NativeType.TINYINT.decompose(Byte.parseByte(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("Unable to make byte from '" + text + "'");
                }
            }
            case VARINT -> {
                try {
                    yield NativeType.VARINT.decompose(new BigInteger(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("unable to make int from '" + text + "'");
                }
            }
            case DECIMAL -> {
                try {
                    yield NativeType.DECIMAL.decompose(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("unable to make BigDecimal from '" + text + "'");
                }
            }
            case FLOAT -> {
                try {
                    yield NativeType.FLOAT.decompose(Float.parseFloat(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("Unable to make float from '" + text + "'");
                }
            }
            case DOUBLE -> {
                try {
                    yield NativeType.DOUBLE.decompose(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    throw new MarshalException("Unable to make double from '" + text + "'");
                }
            }
            case BOOLEAN -> {
                if (text.equalsIgnoreCase("true")) {
                    yield NativeType.BOOLEAN.decompose(true);
                }
                if (text.equalsIgnoreCase("false")) {
                    yield NativeType.BOOLEAN.decompose(false);
                }
                throw new MarshalException("Unable to make boolean from '" + text + "'");
            }
            case UUID -> NativeType.UUID.decompose(uuid(text));
            case TIMEUUID -> {
                UUID u = uuid(text);
                if (u.version() != 1) {
                    throw new MarshalException("TimeUUID supports only version 1 UUIDs");
                }
                yield NativeType.TIMEUUID.decompose(u);
            }
            case BLOB -> hex(text);
            case INET -> InetLiterals.parse(text);
            case TIMESTAMP -> NativeType.TIMESTAMP.decompose(TemporalLiterals.timestampMillis(text, now));
            case DATE -> TemporalLiterals.date(text);
            case TIME -> NativeType.TIME.decompose(TemporalLiterals.timeNanos(text));
            case DURATION -> DurationLiterals.parse(text).serialize();
        };
    }

    private static ByteBuffer ascii(String text) {
        try {
            return StandardCharsets.US_ASCII.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new MarshalException("Invalid ASCII character in string literal: " + e);
        }
    }

    private static ByteBuffer longValue(String text) {
        try {
            return NativeType.BIGINT.decompose(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new MarshalException("Unable to make long from '" + text + "'");
        }
    }

    private static UUID uuid(String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MarshalException("Unable to make UUID from '" + text + "'");
        }
    }

    /** Bytes from hex digits (no {@code 0x} prefix). */
    public static ByteBuffer hex(String digits) {
        if (digits.length() % 2 != 0) {
            throw new MarshalException("cannot parse '" + digits + "' as hex bytes");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new MarshalException("cannot parse '" + digits + "' as hex bytes");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return ByteBuffer.wrap(out);
    }
}
