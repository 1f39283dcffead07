package org.ringlet.transport.nativeproto;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** Feeding and draining {@link EmbeddedChannel}s the way the codec tests need. */
public final class Embedded {
    private Embedded() {
    }

    /**
     * Writes {@code bytes} into the channel one byte at a time and returns every inbound message produced, each
     * with the number of bytes fed when it appeared.
     */
    public static List<Object> feedByteAtATime(EmbeddedChannel channel, byte[] bytes) {
        List<Object> messages = new ArrayList<>();
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            channel.runPendingTasks();
            Object m;
            while ((m = channel.readInbound()) != null) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** All bytes written by the channel so far, concatenated. */
    public static byte[] drainOutbound(EmbeddedChannel channel) {
        channel.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object m;
        while ((m = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) m;
            try {
                byte[] b = new byte[buf.readableBytes()];
                buf.readBytes(b);
                out.writeBytes(b);
            } finally {
                buf.release();
            }
        }
        return out.toByteArray();
    }
}
