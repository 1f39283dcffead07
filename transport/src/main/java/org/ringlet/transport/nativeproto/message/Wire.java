package org.ringlet.transport.nativeproto.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ProtocolException;

/**
 * The notations of section 3 of the native protocol spec ({@code [short]}, {@code [string]}, {@code [bytes]},
 * {@code [value]}, {@code [string map]}, …): readers that check every declared length against the bytes actually
 * present before allocating, and throw {@link ProtocolException} on malformed input, and the matching writers.
 * Decoded values are copied out of the frame's buffer, which is released after decoding.
 */
public final class Wire {
    /** A {@code [short]} length cannot exceed this. */
    public static final int MAX_SHORT_LENGTH = 0xFFFF;

    private Wire() {
    }

    // ---- readers ----

    /** {@code [short]}: an unsigned 16-bit integer. */
    public static int readShort(ByteBuf in) {
        need(in, 2, "[short]");
        return in.readUnsignedShort();
    }

    /** {@code [int]}. */
    public static int readInt(ByteBuf in) {
        need(in, 4, "[int]");
        return in.readInt();
    }

    /** {@code [long]}. */
    public static long readLong(ByteBuf in) {
        need(in, 8, "[long]");
        return in.readLong();
    }

    /** {@code [byte]}. */
    public static int readByte(ByteBuf in) {
        need(in, 1, "[byte]");
        return in.readUnsignedByte();
    }

    /** {@code [string]}: a {@code [short]} length then UTF-8 bytes. */
    public static String readString(ByteBuf in) {
        int length = readShort(in);
        return readUtf8(in, length, "[string]");
    }

    /** {@code [long string]}: an {@code [int]} length then UTF-8 bytes. */
    public static String readLongString(ByteBuf in) {
        int length = readInt(in);
        if (length < 0) {
            throw new ProtocolException("Invalid [long string] length " + length);
        }
        return readUtf8(in, length, "[long string]");
    }

    /** {@code [string list]}. */
    public static List<String> readStringList(ByteBuf in) {
        int n = readShort(in);
        List<String> out = new ArrayList<>(Math.min(n, in.readableBytes() / 2 + 1));
        for (int i = 0; i < n; i++) {
            out.add(readString(in));
        }
        return out;
    }

    /** {@code [string map]}, in wire order. */
    public static Map<String, String> readStringMap(ByteBuf in) {
        int n = readShort(in);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String k = readString(in);
            out.put(k, readString(in));
        }
        return out;
    }

    /** {@code [short bytes]}, copied. */
    public static byte[] readShortBytes(ByteBuf in) {
        int length = readShort(in);
        need(in, length, "[short bytes]");
        byte[] out = new byte[length];
        in.readBytes(out);
        return out;
    }

    /** {@code [bytes]}, copied; null for a negative length. */
    public static ByteBuffer readBytes(ByteBuf in) {
        int length = readInt(in);
        if (length < 0) {
            return null;
        }
        need(in, length, "[bytes]");
        byte[] out = new byte[length];
        in.readBytes(out);
        return ByteBuffer.wrap(out);
    }

    /** {@code [bytes map]}, copied. */
    public static Map<String, ByteBuffer> readBytesMap(ByteBuf in) {
        int n = readShort(in);
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String k = readString(in);
            out.put(k, readBytes(in));
        }
        return out;
    }

    /** {@code [consistency]}. */
    public static ConsistencyLevel readConsistency(ByteBuf in) {
        int code = readShort(in);
        try {
            return ConsistencyLevel.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("Unknown code " + code + " for a consistency level");
        }
    }

    /** The length of a {@code [value]} that means "unset" (protocol v4+). */
    public static final int UNSET_LENGTH = -2;

    /**
     * The length prefix of a {@code [value]}: -1 null, -2 unset (v4+), otherwise the byte count, which is checked
     * against the remaining bytes.
     *
     * @param allowUnset whether -2 is legal (protocol v4 and later); before v4 every negative length is a null
     */
    public static int readValueLength(ByteBuf in, boolean allowUnset) {
        int length = readInt(in);
        if (length < 0) {
            if (!allowUnset || length == -1) {
                return -1;
            }
            if (length == UNSET_LENGTH) {
                return UNSET_LENGTH;
            }
            throw new ProtocolException("Invalid [value] length " + length
                    + ": only -1 (null) and -2 (unset) may be negative");
        }
        need(in, length, "[value]");
        return length;
    }

    // ---- writers ----

    public static void writeString(String s, ByteBuf out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_SHORT_LENGTH) {
            throw new IllegalArgumentException("A [string] holds at most " + MAX_SHORT_LENGTH + " bytes, got "
                    + bytes.length);
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    /**
     * Writes a {@code [string]}, cutting it at a character boundary if its UTF-8 form is longer than a
     * {@code [short]} can say (error messages are free text and may be long).
     */
    public static void writeStringTruncated(String s, ByteBuf out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        if (length > MAX_SHORT_LENGTH) {
            length = MAX_SHORT_LENGTH;
            while (length > 0 && (bytes[length] & 0xC0) == 0x80) {
                length--; // do not split a multi-byte character
            }
        }
        out.writeShort(length);
        out.writeBytes(bytes, 0, length);
    }

    public static void writeLongString(String s, ByteBuf out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    public static void writeStringList(List<String> list, ByteBuf out) {
        checkCount(list.size(), "[string list]");
        out.writeShort(list.size());
        for (String s : list) {
            writeString(s, out);
        }
    }

    public static void writeStringMap(Map<String, String> map, ByteBuf out) {
        checkCount(map.size(), "[string map]");
        out.writeShort(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeString(e.getKey(), out);
            writeString(e.getValue(), out);
        }
    }

    public static void writeStringMultimap(Map<String, List<String>> map, ByteBuf out) {
        checkCount(map.size(), "[string multimap]");
        out.writeShort(map.size());
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            writeString(e.getKey(), out);
            writeStringList(e.getValue(), out);
        }
    }

    public static void writeShortBytes(byte[] bytes, ByteBuf out) {
        checkCount(bytes.length, "[short bytes]");
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    public static void writeShortBytes(ByteBuffer bytes, ByteBuf out) {
        ByteBuffer b = bytes.duplicate();
        checkCount(b.remaining(), "[short bytes]");
        out.writeShort(b.remaining());
        out.writeBytes(b);
    }

    /** {@code [bytes]}; null writes length -1. */
    public static void writeBytes(ByteBuffer bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        ByteBuffer b = bytes.duplicate();
        out.writeInt(b.remaining());
        out.writeBytes(b);
    }

    /** {@code [bytes]}; null writes length -1. */
    public static void writeBytes(byte[] bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    public static void writeConsistency(ConsistencyLevel cl, ByteBuf out) {
        out.writeShort(cl.code());
    }

    public static void writeUuid(UUID uuid, ByteBuf out) {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    /** {@code [inetaddr]}: a one-byte length, then the 4 or 16 address bytes. */
    public static void writeInetAddr(InetAddress address, ByteBuf out) {
        byte[] bytes = address.getAddress();
        out.writeByte(bytes.length);
        out.writeBytes(bytes);
    }

    /** {@code [inet]}: {@code [inetaddr]} then the port as an {@code [int]}. */
    public static void writeInet(InetSocketAddress address, ByteBuf out) {
        if (address.getAddress() == null) {
            throw new IllegalArgumentException("Unresolved address " + address + " cannot be sent as an [inet]");
        }
        writeInetAddr(address.getAddress(), out);
        out.writeInt(address.getPort());
    }

    // ---- helpers ----

    private static void need(ByteBuf in, int length, String what) {
        if (in.readableBytes() < length) {
            throw new ProtocolException("Not enough bytes to read " + what + ": " + length + " needed, "
                    + in.readableBytes() + " left in the message");
        }
    }

    private static void checkCount(int count, String what) {
        if (count > MAX_SHORT_LENGTH) {
            throw new IllegalArgumentException(what + " holds at most " + MAX_SHORT_LENGTH + " entries, got "
                    + count);
        }
    }

    private static String readUtf8(ByteBuf in, int length, String what) {
        need(in, length, what);
        int start = in.readerIndex();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (in.getByte(start + i) < 0) {
                ascii = false;
                break;
            }
        }
        String s;
        if (ascii) {
            s = in.toString(start, length, StandardCharsets.US_ASCII);
        } else {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(in.nioBuffer(start, length));
                s = chars.toString();
            } catch (CharacterCodingException e) {
                throw new ProtocolException("Cannot decode " + what + " as UTF-8");
            }
        }
        in.skipBytes(length);
        return s;
    }
}
