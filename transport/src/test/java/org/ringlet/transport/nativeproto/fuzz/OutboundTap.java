package org.ringlet.transport.nativeproto.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.ringlet.transport.nativeproto.frame.SegmentEncoder;
import org.ringlet.transport.nativeproto.server.NativePipelineInitializer;

/**
 * Sits at the head of a connection's pipeline and copies every buffer the server writes, noting the framing the
 * pipeline was using when it was written (plain frames, or v5 segments with or without LZ4), so that a parser
 * can read the output back even across the switch that follows READY. Passes everything on unchanged.
 */
final class OutboundTap extends ChannelOutboundHandlerAdapter {
    /** How the server framed a run of bytes. */
    enum Framing { PLAIN, SEGMENTS, SEGMENTS_LZ4 }

    /** Consecutive bytes written with one framing. */
    record Run(Framing framing, byte[] bytes) {
    }

    private final List<Run> runs = new ArrayList<>();
    private Framing current;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf) {
            Framing f = framing(ctx);
            if (f != current && current != null) {
                runs.add(new Run(current, buffer.toByteArray()));
                buffer = new ByteArrayOutputStream();
            }
            current = f;
            byte[] b = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), b);
            buffer.writeBytes(b);
        }
        super.write(ctx, msg, promise);
    }

    private static Framing framing(ChannelHandlerContext ctx) {
        if (ctx.pipeline().get(NativePipelineInitializer.SEGMENT_ENCODER) instanceof SegmentEncoder s) {
            return s.compresses() ? Framing.SEGMENTS_LZ4 : Framing.SEGMENTS;
        }
        return Framing.PLAIN;
    }

    /** Everything written since the last call, in runs of one framing. */
    List<Run> drain() {
        List<Run> out = new ArrayList<>(runs);
        if (current != null && buffer.size() > 0) {
            out.add(new Run(current, buffer.toByteArray()));
        }
        runs.clear();
        buffer = new ByteArrayOutputStream();
        return out;
    }
}
