package org.ringlet.transport.nativeproto.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.Embedded;

/**
 * The full server pipeline of {@link NativePipelineInitializer} on {@link EmbeddedChannel}s, with requests run on
 * the calling thread. Several connections share one tracker, like the connections of one server.
 */
final class EmbeddedServer {
    final StubQueryHandler handler = new StubQueryHandler();
    final ConnectionTracker tracker = new ConnectionTracker();
    final NativePipelineInitializer initializer;

    EmbeddedServer() {
        this(NativeTransportConfig.defaults(0));
    }

    EmbeddedServer(NativeTransportConfig config) {
        initializer = new NativePipelineInitializer(config, handler, Runnable::run, tracker);
    }

    Client connect() {
        return new Client(new EmbeddedChannel(initializer));
    }

    /** A response as read back from the wire. */
    record Frame(int version, int flags, int stream, int opcode, byte[] body) {
        ByteBuffer bodyBuffer() {
            return ByteBuffer.wrap(body);
        }

        int errorCode() {
            return bodyBuffer().getInt();
        }

        String errorMessage() {
            ByteBuffer b = bodyBuffer();
            b.getInt();
            return readString(b);
        }

        static String readString(ByteBuffer b) {
            int n = b.getShort() & 0xFFFF;
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }
    }

    /** One client connection. */
    static final class Client {
        final EmbeddedChannel channel;

        Client(EmbeddedChannel channel) {
            this.channel = channel;
        }

        /** Sends bytes one at a time and returns the raw bytes written back. */
        byte[] sendRaw(byte[] bytes) {
            Embedded.feedByteAtATime(channel, bytes);
            return Embedded.drainOutbound(channel);
        }

        /** Sends bytes one at a time and returns the frames written back. */
        List<Frame> send(byte[] bytes) {
            return parse(sendRaw(bytes));
        }

        /** Frames written since the last call. */
        List<Frame> responses() {
            return parse(Embedded.drainOutbound(channel));
        }

        List<Frame> startup() {
            return send(Bytes.request(0, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0").build()));
        }

        List<Frame> startup(Map<String, String> options) {
            Bytes body = Bytes.of().u16(options.size());
            options.forEach((k, v) -> body.string(k).string(v));
            return send(Bytes.request(0, 0x01, body.build()));
        }

        List<Frame> query(int stream, String cql) {
            return send(Bytes.request(stream, 0x07, Bytes.of().longString(cql).u16(0x0001).u8(0).build()));
        }

        boolean isOpen() {
            channel.runPendingTasks();
            return channel.isOpen();
        }
    }

    static List<Frame> parse(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            int version = b.get() & 0xFF;
            int flags = b.get() & 0xFF;
            int stream = b.getShort();
            int opcode = b.get() & 0xFF;
            int length = b.getInt();
            byte[] body = new byte[length];
            b.get(body);
            frames.add(new Frame(version, flags, stream, opcode, body));
        }
        return frames;
    }
}
