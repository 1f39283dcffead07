package org.ringlet.api.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.ringlet.api.types.VInts;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteOutputTest {

    /** One write: its kind and a value. */
    record Op(int kind, long value, byte[] bytes) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.longs(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(70)).as(Op::new);
        return op.list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void writesTheSameBytesAsAPlainStreamWhateverTheGrowth(@ForAll("ops") List<Op> ops,
                                                         @ForAll("capacities") int initial) throws IOException {
        ByteOutput out = new ByteOutput(initial);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        for (Op op : ops) {
            switch (op.kind) {
                case 0 -> {
                    out.writeByte((int) op.value);
                    data.writeByte((int) op.value);
                }
                case 1 -> {
                    out.writeShort((int) op.value);
                    data.writeShort((int) op.value);
                }
                case 2 -> {
                    out.writeInt((int) op.value);
                    data.writeInt((int) op.value);
                }
                case 3 -> {
                    out.writeLong(op.value);
                    data.writeLong(op.value);
                }
                case 4 -> {
                    out.writeUnsignedVInt(op.value);
                    data.write(vint(op.value, false));
                }
                case 5 -> {
                    out.writeSignedVInt(op.value);
                    data.write(vint(op.value, true));
                }
                case 6 -> {
                    // a buffer whose position is not 0 and must not move
                    ByteBuffer b = ByteBuffer.allocate(op.bytes.length + 2).position(2);
                    b.put(op.bytes).position(2);
                    out.writeWithVIntLength(b);
                    assertEquals(2, b.position());
                    data.write(vint(op.bytes.length, false));
                    data.write(op.bytes);
                }
                default -> {
                    String s = new String(op.bytes, StandardCharsets.ISO_8859_1);
                    out.writeUtf8(s);
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    data.write(vint(utf8.length, false));
                    data.write(utf8);
                }
            }
            assertEquals(expected.size(), out.position());
        }
        ByteBuffer result = out.toByteBuffer();
        assertEquals(0, result.position());
        assertEquals(ByteBuffer.wrap(expected.toByteArray()), result);
    }

    @Provide
    Arbitrary<Integer> capacities() {
        return Arbitraries.integers().between(-1, 40);
    }

    private static byte[] vint(long v, boolean signed) {
        ByteBuffer b = ByteBuffer.allocate(9);
        if (signed) {
            VInts.writeSigned(v, b);
        } else {
            VInts.writeUnsigned(v, b);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Test
    void growsPastLargeWrites() {
        ByteOutput out = new ByteOutput(0);
        out.writeBytes(new byte[100_000]);
        out.writeByte(7);
        assertEquals(100_001, out.position());
        assertEquals(7, out.toByteBuffer().get(100_000));
    }
}
