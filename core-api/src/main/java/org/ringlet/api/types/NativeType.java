package org.ringlet.api.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The native (scalar) CQL types. One immutable instance per kind.
 */
public final class NativeType extends CqlType {

    /** The native kinds, with their CQL names and protocol ids (never reorder the ids). */
    public enum Kind {
        ASCII("ascii", 0x0001, -1),
        BIGINT("bigint", 0x0002, 8),
        BLOB("blob", 0x0003, -1),
        BOOLEAN("boolean", 0x0004, 1),
        COUNTER("counter", 0x0005, 8),
        DECIMAL("decimal", 0x0006, -1),
        DOUBLE("double", 0x0007, 8),
        FLOAT("float", 0x0008, 4),
        INT("int", 0x0009, 4),
        TIMESTAMP("timestamp", 0x000B, 8),
        UUID("uuid", 0x000C, 16),
        TEXT("text", 0x000D, -1),
        VARINT("varint", 0x000E, -1),
        TIMEUUID("timeuuid", 0x000F, 16),
        INET("inet", 0x0010, -1),
        DATE("date", 0x0011, 4),
        TIME("time", 0x0012, 8),
        SMALLINT("smallint", 0x0013, 2),
        TINYINT("tinyint", 0x0014, 1),
        DURATION("duration", 0x0015, -1);

        private final String cqlName;
        private final int protocolId;
        private final int fixedLength;

        Kind(String cqlName, int protocolId, int fixedLength) {
            this.cqlName = cqlName;
            this.protocolId = protocolId;
            this.fixedLength = fixedLength;
        }
    }

    public static final NativeType ASCII = new NativeType(Kind.ASCII);
    public static final NativeType BIGINT = new NativeType(Kind.BIGINT);
    public static final NativeType BLOB = new NativeType(Kind.BLOB);
    public static final NativeType BOOLEAN = new NativeType(Kind.BOOLEAN);
    public static final NativeType COUNTER = new NativeType(Kind.COUNTER);
    public static final NativeType DECIMAL = new NativeType(Kind.DECIMAL);
    public static final NativeType DOUBLE = new NativeType(Kind.DOUBLE);
    public static final NativeType FLOAT = new NativeType(Kind.FLOAT);
    public static final NativeType INT = new NativeType(Kind.INT);
    public static final NativeType TIMESTAMP = new NativeType(Kind.TIMESTAMP);
    public static final NativeType UUID = new NativeType(Kind.UUID);
    public static final NativeType TEXT = new NativeType(Kind.TEXT);
    public static final NativeType VARINT = new NativeType(Kind.VARINT);
    public static final NativeType TIMEUUID = new NativeType(Kind.TIMEUUID);
    public static final NativeType INET = new NativeType(Kind.INET);
    public static final NativeType DATE = new NativeType(Kind.DATE);
    public static final NativeType TIME = new NativeType(Kind.TIME);
    public static final NativeType SMALLINT = new NativeType(Kind.SMALLINT);
    public static final NativeType TINYINT = new NativeType(Kind.TINYINT);
    public static final NativeType DURATION = new NativeType(Kind.DURATION);

    /** Days between 1970-01-01 and the epoch of the {@code date} type's unsigned encoding (2^31). */
    private static final long DATE_EPOCH_OFFSET = 1L << 31;

    private final Kind kind;

    private NativeType(Kind kind) {
        this.kind = kind;
    }

    /** The native type of a kind. */
    public static NativeType of(Kind kind) {
        return switch (requireNonNull(kind, "kind is null")) {
            case ASCII -> ASCII;
            case BIGINT -> BIGINT;
            case BLOB -> BLOB;
            case BOOLEAN -> BOOLEAN;
            case COUNTER -> COUNTER;
            case DECIMAL -> DECIMAL;
            case DOUBLE -> DOUBLE;
            case FLOAT -> FLOAT;
            case INT -> INT;
            case TIMESTAMP -> TIMESTAMP;
            case UUID -> UUID;
            case TEXT -> TEXT;
            case VARINT -> VARINT;
            case TIMEUUID -> TIMEUUID;
            case INET -> INET;
            case DATE -> DATE;
            case TIME -> TIME;
            case SMALLINT -> SMALLINT;
            case TINYINT -> TINYINT;
            case DURATION -> DURATION;
        };
    }

    /** The native type named {@code name} (case-insensitive; {@code varchar} is text), or null. */
    public static NativeType byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("varchar")) {
            return TEXT;
        }
        for (Kind k : Kind.values()) {
            if (k.cqlName.equals(n)) {
                return of(k);
            }
        }
        return null;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String cqlName() {
        return kind.cqlName;
    }

    @Override
    public int protocolTypeId() {
        return kind.protocolId;
    }

    @Override
    public int fixedLength() {
        return kind.fixedLength;
    }

    @Override
    public boolean isCounter() {
        return kind == Kind.COUNTER;
    }

    @Override
    public boolean isValueCompatibleWith(CqlType other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NativeType o)) {
            return false;
        }
        // Cassandra's value compatibility: text accepts ascii; blob accepts every type; varint accepts the
        // fixed-size integers; timestamp and bigint share a representation; uuid accepts timeuuid.
        return switch (kind) {
            case TEXT -> o.kind == Kind.ASCII;
            case BLOB -> true;
            case VARINT -> o.kind == Kind.INT || o.kind == Kind.BIGINT || o.kind == Kind.SMALLINT
                    || o.kind == Kind.TINYINT;
            case UUID -> o.kind == Kind.TIMEUUID;
            case BIGINT -> o.kind == Kind.TIMESTAMP;
            case TIMESTAMP -> o.kind == Kind.BIGINT;
            default -> false;
        };
    }

    // ---------------------------------------------------------------------------------------------- ordering

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        int ll = left.remaining();
        int rl = right.remaining();
        if (ll == 0 || rl == 0) {
            return Boolean.compare(ll != 0, rl != 0);
        }
        int lp = left.position();
        int rp = right.position();
        return switch (kind) {
            // time is byte-ordered in Cassandra (the same as signed order for the valid range)
            case ASCII, TEXT, BLOB, INET, DURATION, TIME -> compareUnsigned(left, right);
            // false is 0 and true is any other byte
            case BOOLEAN -> Boolean.compare(left.get(lp) != 0, right.get(rp) != 0);
            case BIGINT, COUNTER, TIMESTAMP -> Long.compare(left.getLong(lp), right.getLong(rp));
            case INT -> Integer.compare(left.getInt(lp), right.getInt(rp));
            case SMALLINT -> Short.compare(left.getShort(lp), right.getShort(rp));
            case TINYINT -> Byte.compare(left.get(lp), right.get(rp));
            case DATE -> Integer.compareUnsigned(left.getInt(lp), right.getInt(rp));
            case FLOAT -> Float.compare(left.getFloat(lp), right.getFloat(rp));
            case DOUBLE -> Double.compare(left.getDouble(lp), right.getDouble(rp));
            case VARINT -> ((BigInteger) compose(left)).compareTo((BigInteger) compose(right));
            case DECIMAL -> ((BigDecimal) compose(left)).compareTo((BigDecimal) compose(right));
            case UUID -> compareUuid(left, right);
            case TIMEUUID -> compareTimeUuid(left, right);
        };
    }

    /** Lexicographic comparison of unsigned bytes. */
    public static int compareUnsigned(ByteBuffer left, ByteBuffer right) {
        int lp = left.position();
        int rp = right.position();
        int ll = left.remaining();
        int rl = right.remaining();
        int n = Math.min(ll, rl);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long a = left.getLong(lp + i);
            long b = right.getLong(rp + i);
            if (a != b) {
                return Long.compareUnsigned(a, b);
            }
        }
        for (; i < n; i++) {
            int c = (left.get(lp + i) & 0xff) - (right.get(rp + i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return ll - rl;
    }

    private static long reorderTimestamp(long msb) {
        return (msb << 48) | ((msb << 16) & 0xFFFF00000000L) | (msb >>> 32);
    }

    private static long signedBytesAsLong(long lsb) {
        return lsb ^ 0x0080808080808080L;
    }

    private static int compareTimeUuid(ByteBuffer left, ByteBuffer right) {
        int lp = left.position();
        int rp = right.position();
        int c = Long.compare(reorderTimestamp(left.getLong(lp)), reorderTimestamp(right.getLong(rp)));
        if (c != 0) {
            return c;
        }
        return Long.compare(signedBytesAsLong(left.getLong(lp + 8)), signedBytesAsLong(right.getLong(rp + 8)));
    }

    /**
     * Cassandra's UUIDType order: by version; version 1 by timestamp, others by unsigned most significant bits; then
     * by unsigned least significant bits (unlike timeuuid, whose least significant bytes compare signed).
     */
    private static int compareUuid(ByteBuffer left, ByteBuffer right) {
        int lp = left.position();
        int rp = right.position();
        long lm = left.getLong(lp);
        long rm = right.getLong(rp);
        int lv = (int) ((lm >>> 12) & 0xf);
        int rv = (int) ((rm >>> 12) & 0xf);
        if (lv != rv) {
            return Integer.compare(lv, rv);
        }
        int c = lv == 1 ? Long.compare(reorderTimestamp(lm), reorderTimestamp(rm)) : Long.compareUnsigned(lm, rm);
        if (c != 0) {
            return c;
        }
        return Long.compareUnsigned(left.getLong(lp + 8), right.getLong(rp + 8));
    }

    // -------------------------------------------------------------------------------------------- validation

    /**
     * Checks a serialized value with Cassandra's rules and messages: an empty value is valid except for date,
     * time, smallint, tinyint and duration.
     */
    @Override
    public void validate(ByteBuffer value) {
        int len = value.remaining();
        switch (kind) {
            case INT -> checkLength(len, 4, "Expected 4 or 0 byte int (%d)");
            case BIGINT, COUNTER -> checkLength(len, 8, "Expected 8 or 0 byte long (%d)");
            case TIMESTAMP -> checkLength(len, 8, "Expected 8 or 0 byte long for date (%d)");
            case FLOAT -> checkLength(len, 4, "Expected 4 or 0 byte value for a float (%d)");
            case DOUBLE -> checkLength(len, 8, "Expected 8 or 0 byte value for a double (%d)");
            case BOOLEAN -> checkLength(len, 1, "Expected 1 or 0 byte value (%d)");
            case UUID -> checkLength(len, 16, "UUID should be 16 or 0 bytes (%d)");
            case TIMEUUID -> {
                checkLength(len, 16, "UUID should be 16 or 0 bytes (%d)");
                if (len > 0 && (value.get(value.position() + 6) & 0xf0) != 0x10) {
                    throw new MarshalException("Invalid version for TimeUUID type.");
                }
            }
            case SMALLINT -> {
                if (len != 2) {
                    throw new MarshalException("Expected 2 bytes for a smallint (" + len + ")");
                }
            }
            case TINYINT -> {
                if (len != 1) {
                    throw new MarshalException("Expected 1 byte for a tinyint (" + len + ")");
                }
            }
            case DATE -> {
                if (len != 4) {
                    throw new MarshalException("Expected 4 byte long for date (" + len + ")");
                }
            }
            case TIME -> {
                if (len != 8) {
                    throw new MarshalException("Expected 8 byte long for time (" + len + ")");
                }
            }
            case DECIMAL -> {
                if (len != 0 && len < 4) {
                    throw new MarshalException("Expected 0 or at least 4 bytes (" + len + ")");
                }
            }
            case INET -> {
                if (len != 0 && len != 4 && len != 16) {
                    throw new MarshalException("Expected 4 or 16 byte inetaddress; got " + hex(value));
                }
            }
            case ASCII -> {
                for (int i = value.position(); i < value.limit(); i++) {
                    if (value.get(i) < 0) {
                        throw new MarshalException("Invalid byte for ascii: " + value.get(i));
                    }
                }
            }
            case TEXT -> {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(value.duplicate());
                } catch (CharacterCodingException e) {
                    throw new MarshalException("String didn't validate.");
                }
            }
            case DURATION -> {
                if (len < 3) {
                    throw new MarshalException("Expected at least 3 bytes for a duration (" + len + ")");
                }
                CqlDuration.deserialize(value);
            }
            case BLOB, VARINT -> {
            }
        }
    }

    private static void checkLength(int len, int expected, String format) {
        if (len != expected && len != 0) {
            throw new MarshalException(String.format(Locale.ROOT, format, len));
        }
    }

    // ------------------------------------------------------------------------------------------ Java mapping

    @Override
    public Object compose(ByteBuffer value) {
        if (value.remaining() == 0 && kind != Kind.ASCII && kind != Kind.TEXT && kind != Kind.BLOB) {
            return null;
        }
        int p = value.position();
        return switch (kind) {
            case ASCII -> new String(bytes(value), StandardCharsets.US_ASCII);
            case TEXT -> new String(bytes(value), StandardCharsets.UTF_8);
            case BLOB -> value.duplicate();
            case BIGINT, COUNTER, TIME -> value.getLong(p);
            case TIMESTAMP -> Instant.ofEpochMilli(value.getLong(p));
            case INT -> value.getInt(p);
            case SMALLINT -> value.getShort(p);
            case TINYINT -> value.get(p);
            case BOOLEAN -> value.get(p) != 0;
            case FLOAT -> value.getFloat(p);
            case DOUBLE -> value.getDouble(p);
            case DATE -> LocalDate.ofEpochDay((value.getInt(p) & 0xffffffffL) - DATE_EPOCH_OFFSET);
            case VARINT -> new BigInteger(bytes(value));
            case DECIMAL -> {
                int scale = value.getInt(p);
                byte[] unscaled = new byte[value.remaining() - 4];
                value.duplicate().position(p + 4).get(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case UUID, TIMEUUID -> new UUID(value.getLong(p), value.getLong(p + 8));
            case INET -> {
                try {
                    yield InetAddress.getByAddress(bytes(value));
                } catch (UnknownHostException e) {
                    throw new MarshalException("Invalid inet value", e);
                }
            }
            case DURATION -> CqlDuration.deserialize(value);
        };
    }

    @Override
    public ByteBuffer decompose(Object value) {
        requireNonNull(value, "value is null");
        try {
            return switch (kind) {
                case ASCII -> ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.US_ASCII));
                case TEXT -> ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.UTF_8));
                case BLOB -> ((ByteBuffer) value).duplicate();
                case BIGINT, COUNTER, TIME -> ByteBuffer.allocate(8).putLong(0, ((Number) value).longValue());
                case TIMESTAMP -> ByteBuffer.allocate(8).putLong(0, value instanceof Instant i
                        ? i.toEpochMilli() : ((Number) value).longValue());
                case INT -> ByteBuffer.allocate(4).putInt(0, ((Number) value).intValue());
                case SMALLINT -> ByteBuffer.allocate(2).putShort(0, ((Number) value).shortValue());
                case TINYINT -> ByteBuffer.allocate(1).put(0, ((Number) value).byteValue());
                case BOOLEAN -> ByteBuffer.allocate(1).put(0, (byte) (((Boolean) value) ? 1 : 0));
                case FLOAT -> ByteBuffer.allocate(4).putFloat(0, ((Number) value).floatValue());
                case DOUBLE -> ByteBuffer.allocate(8).putDouble(0, ((Number) value).doubleValue());
                case DATE -> ByteBuffer.allocate(4).putInt(0,
                        (int) (((LocalDate) value).toEpochDay() + DATE_EPOCH_OFFSET));
                case VARINT -> ByteBuffer.wrap(((BigInteger) value).toByteArray());
                case DECIMAL -> {
                    BigDecimal d = (BigDecimal) value;
                    byte[] unscaled = d.unscaledValue().toByteArray();
                    yield ByteBuffer.allocate(4 + unscaled.length).putInt(d.scale()).put(unscaled).flip();
                }
                case UUID, TIMEUUID -> {
                    UUID u = (UUID) value;
                    yield ByteBuffer.allocate(16).putLong(0, u.getMostSignificantBits())
                            .putLong(8, u.getLeastSignificantBits());
                }
                case INET -> ByteBuffer.wrap(((InetAddress) value).getAddress());
                case DURATION -> ((CqlDuration) value).serialize();
            };
        } catch (ClassCastException e) {
            throw new MarshalException("Cannot serialize a " + value.getClass().getSimpleName()
                    + " as " + kind.cqlName);
        }
    }

    /** The days-since-epoch of a serialized {@code date}, as a signed number. */
    public static long dateToEpochDay(int serialized) {
        return (serialized & 0xffffffffL) - DATE_EPOCH_OFFSET;
    }

    /** The serialized form of a days-since-epoch {@code date}. */
    public static int epochDayToDate(long epochDay) {
        return (int) (epochDay + DATE_EPOCH_OFFSET);
    }

    private static String hex(ByteBuffer value) {
        StringBuilder sb = new StringBuilder(value.remaining() * 2);
        for (int i = value.position(); i < value.limit(); i++) {
            int b = value.get(i) & 0xff;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    static byte[] bytes(ByteBuffer value) {
        byte[] b = new byte[value.remaining()];
        value.duplicate().get(b);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }
}
