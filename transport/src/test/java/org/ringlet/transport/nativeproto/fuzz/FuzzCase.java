package org.ringlet.transport.nativeproto.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ringlet.transport.nativeproto.Bytes;

/**
 * One connection's worth of fuzz input: how the connection starts, the frames it sends (each a template with
 * mutations), how v5 envelopes are packed into segments, an optional corruption of the segment stream, and the
 * sizes of the chunks the bytes arrive in (1 is byte at a time).
 *
 * @param session           how the connection starts
 * @param frames            the frames after that
 * @param segmentGroups     v5: how many envelopes go in each self-contained segment, cycled; 0 spreads the next
 *                          envelope over non-self-contained segments
 * @param segmentCorruption v5: a mutation of the segment bytes themselves (checksums are not fixed up), or null
 * @param chunks            chunk sizes, cycled
 */
record FuzzCase(Session session, List<FrameSpec> frames, List<Integer> segmentGroups, Mutation segmentCorruption,
                List<Integer> chunks) {

    private static final int MAX_SEGMENT_PAYLOAD = (1 << 17) - 1;

    /** How a connection starts. RAW ones send no STARTUP of their own. */
    enum Session {
        RAW_V4(4, false, false), RAW_V5(5, false, false), V3(3, true, false), V4(4, true, false),
        V4_LZ4(4, true, true), V5(5, true, false), V5_LZ4(5, true, true);

        final int version;
        final boolean startup;
        final boolean lz4;

        Session(int version, boolean startup, boolean lz4) {
            this.version = version;
            this.startup = startup;
            this.lz4 = lz4;
        }

        boolean segments() {
            return startup && version >= 5;
        }
    }

    /**
     * One frame.
     *
     * @param template     index into the templates of the session's version (modulo their number)
     * @param stream       the stream id
     * @param mutations    applied in order to the frame (to the body before compression for a compressed v4 body)
     * @param compressBody v4 with LZ4: whether this frame's body is compressed (drivers compress all but OPTIONS)
     */
    record FrameSpec(int template, int stream, List<Mutation> mutations, boolean compressBody) {
    }

    /** The bytes the client sends: its STARTUP (if any), then the frames. */
    byte[] input() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int v = session.version;
        if (session.startup) {
            out.writeBytes(Bytes.frame(v, 0, 0, RequestTemplates.STARTUP, RequestTemplates.startupBody(session.lz4)));
        }
        List<RequestTemplates.Template> templates = RequestTemplates.all(v);
        List<byte[]> envelopes = new ArrayList<>();
        for (FrameSpec f : frames) {
            RequestTemplates.Template t = templates.get(Math.floorMod(f.template(), templates.size()));
            envelopes.add(frame(v, t, f));
        }
        if (!session.segments()) {
            envelopes.forEach(out::writeBytes);
            return out.toByteArray();
        }
        byte[] segments = segments(envelopes);
        if (segmentCorruption != null) {
            segments = segmentCorruption.apply(segments);
        }
        out.writeBytes(segments);
        return out.toByteArray();
    }

    /** One request in this session's framing after STARTUP (a v5 one in a segment of its own). */
    byte[] wrap(int opcode, byte[] body, FrameSpec spec) {
        byte[] envelope = frame(session.version, new RequestTemplates.Template("wrapped", opcode, body), spec);
        return session.segments() ? segments(List.of(envelope)) : envelope;
    }

    private byte[] frame(int version, RequestTemplates.Template t, FrameSpec f) {
        if (session == Session.V4_LZ4 && f.compressBody()) {
            byte[] body = t.body();
            for (Mutation m : f.mutations()) {
                body = m.apply(body);
            }
            return Bytes.frame(version, 0x01, f.stream(), t.opcode(), Bytes.lz4Body(body));
        }
        byte[] frame = Bytes.frame(version, 0, f.stream(), t.opcode(), t.body());
        for (Mutation m : f.mutations()) {
            frame = m.apply(frame);
        }
        return frame;
    }

    private byte[] segments(List<byte[]> envelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        int g = 0;
        while (i < envelopes.size()) {
            int group = segmentGroups.isEmpty() ? 1 : segmentGroups.get(g++ % segmentGroups.size());
            if (group == 0 || envelopes.get(i).length > MAX_SEGMENT_PAYLOAD) {
                byte[] e = envelopes.get(i++);
                int cut = Math.min(MAX_SEGMENT_PAYLOAD, Math.max(1, e.length / 3));
                for (int off = 0; off < e.length; off += cut) {
                    out.writeBytes(segment(Arrays.copyOfRange(e, off, Math.min(e.length, off + cut)), false));
                }
                continue;
            }
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            for (int k = 0; k < group && i < envelopes.size()
                    && payload.size() + envelopes.get(i).length <= MAX_SEGMENT_PAYLOAD; k++) {
                payload.writeBytes(envelopes.get(i++));
            }
            out.writeBytes(segment(payload.toByteArray(), true));
        }
        return out.toByteArray();
    }

    private byte[] segment(byte[] payload, boolean selfContained) {
        if (!session.lz4) {
            return Bytes.segment(payload, selfContained);
        }
        boolean shrinks = payload.length > 0 && Bytes.lz4Block(payload).length < payload.length;
        return Bytes.compressedSegment(payload, selfContained, shrinks);
    }
}
