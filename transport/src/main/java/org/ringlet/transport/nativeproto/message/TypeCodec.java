package org.ringlet.transport.nativeproto.message;

import io.netty.buffer.ByteBuf;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.ReversedType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Writes a CQL type as the protocol's {@code [option]} (section 4.2.5.2). A clustering column's DESC order is not
 * part of the type clients see, so {@link ReversedType} is unwrapped. Types a version does not know are sent as
 * custom types with Cassandra's marshal class name, as Cassandra does: {@code duration} before v5, {@code date},
 * {@code time}, {@code smallint} and {@code tinyint} in v3, and {@code vector} always.
 */
public final class TypeCodec {
    public static final int CUSTOM = 0x0000;
    public static final int LIST = 0x0020;
    public static final int MAP = 0x0021;
    public static final int SET = 0x0022;
    public static final int UDT = 0x0030;
    public static final int TUPLE = 0x0031;

    private static final String MARSHAL = "org.apache.cassandra.db.marshal.";

    private TypeCodec() {
    }

    /** Appends {@code type} as an {@code [option]}. */
    public static void write(CqlType type, ByteBuf out, ProtocolVersion version) {
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            String custom = customNameIfUnknown(n, version);
            if (custom != null) {
                out.writeShort(CUSTOM);
                Wire.writeString(custom, out);
            } else {
                out.writeShort(n.protocolTypeId());
            }
        } else if (t instanceof ListType l) {
            out.writeShort(LIST);
            write(l.elementType(), out, version);
        } else if (t instanceof SetType s) {
            out.writeShort(SET);
            write(s.elementType(), out, version);
        } else if (t instanceof MapType m) {
            out.writeShort(MAP);
            write(m.keyType(), out, version);
            write(m.valueType(), out, version);
        } else if (t instanceof UserType u) {
            out.writeShort(UDT);
            Wire.writeString(u.keyspace(), out);
            Wire.writeString(u.name(), out);
            if (u.fieldNames().size() > Wire.MAX_SHORT_LENGTH) {
                throw new IllegalArgumentException("A user type with " + u.fieldNames().size()
                        + " fields cannot be described in the native protocol");
            }
            out.writeShort(u.fieldNames().size());
            for (int i = 0; i < u.fieldNames().size(); i++) {
                Wire.writeString(u.fieldNames().get(i), out);
                write(u.fieldTypes().get(i), out, version);
            }
        } else if (t instanceof TupleType tuple) {
            out.writeShort(TUPLE);
            if (tuple.types().size() > Wire.MAX_SHORT_LENGTH) {
                throw new IllegalArgumentException("A tuple with " + tuple.types().size()
                        + " components cannot be described in the native protocol");
            }
            out.writeShort(tuple.types().size());
            for (CqlType component : tuple.types()) {
                write(component, out, version);
            }
        } else if (t instanceof VectorType v) {
            out.writeShort(CUSTOM);
            Wire.writeString(v.customClassName(), out);
        } else {
            throw new IllegalArgumentException("No protocol representation for type " + t.cqlName());
        }
    }

    private static String customNameIfUnknown(NativeType type, ProtocolVersion version) {
        return switch (type.kind()) {
            case DURATION -> version.isAtLeast(ProtocolVersion.V5) ? null : MARSHAL + "DurationType";
            case DATE -> version.isAtLeast(ProtocolVersion.V4) ? null : MARSHAL + "SimpleDateType";
            case TIME -> version.isAtLeast(ProtocolVersion.V4) ? null : MARSHAL + "TimeType";
            case SMALLINT -> version.isAtLeast(ProtocolVersion.V4) ? null : MARSHAL + "ShortType";
            case TINYINT -> version.isAtLeast(ProtocolVersion.V4) ? null : MARSHAL + "ByteType";
            default -> null;
        };
    }
}
