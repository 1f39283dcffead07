package org.ringlet.transport.nativeproto.fuzz;

import java.lang.management.ManagementFactory;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.server.NativeTransportConfig;
import org.ringlet.transport.nativeproto.server.TestPipeline;

/**
 * Runs fuzz cases against the server's real pipeline: one server (shared limits, tracker and query handler), a new
 * connection per case, and a long-lived witness connection that must keep being served whatever the fuzzed
 * connections do. Collects what the checks found; the properties assert on it.
 */
final class FrameFuzzHarness {
    /** Small enough that the fuzzer's absurd lengths hit it; large enough for every template. */
    static final int MAX_FRAME_SIZE = 64 * 1024;

    private final FuzzQueryHandler handler = new FuzzQueryHandler();
    private final TestPipeline server = new TestPipeline(config(), handler);
    private final OutboundTap witnessTap = new OutboundTap();
    private final EmbeddedChannel witness;
    private long frames;
    private long cases;
    private long closedByServer;
    private long errorResponses;
    private long longestCaseNanos;
    private final java.util.Map<String, Long> responsesByKind = new java.util.TreeMap<>();

    FrameFuzzHarness() {
        witness = server.connect(witnessTap);
        feed(witness, Bytes.frame(4, 0, 0, 0x01, RequestTemplates.startupBody(false)), List.of(64));
        feed(witness, Bytes.frame(4, 0, 1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()), List.of(64));
        ResponseChecker checker = new ResponseChecker();
        checker.check(witnessTap.drain());
        if (checker.responses().size() != 2 || !checker.problems().isEmpty()) {
            throw new AssertionError("the witness connection did not start: " + checker.responses()
                    + checker.problems());
        }
    }

    static NativeTransportConfig config() {
        NativeTransportConfig d = NativeTransportConfig.defaults(0);
        return new NativeTransportConfig(d.rpcAddress(), 0, MAX_FRAME_SIZE, -1, -1, 64, true, d.maxProtocolVersion(),
                1, 256 * 1024, 64 * 1024, 0, d.eventBacklogLimit());
    }

    /**
     * Runs one case and returns what was wrong (empty if nothing): problems in the case's own output, and the
     * witness not answering afterwards.
     */
    List<String> run(FuzzCase c) {
        long start = System.nanoTime();
        OutboundTap tap = new OutboundTap();
        EmbeddedChannel ch = server.connect(tap);
        ResponseChecker checker = new ResponseChecker();
        try {
            feed(ch, c.input(), c.chunks());
            ch.runPendingTasks();
            checker.check(tap.drain());
            if (!ch.isOpen()) {
                closedByServer++;
            }
        } finally {
            ch.finishAndReleaseAll();
        }
        frames += c.frames().size();
        cases++;
        errorResponses += checker.responses().stream().filter(r -> r.opcode() == 0).count();
        for (ResponseChecker.Response r : checker.responses()) {
            String kind = r.framing() + ((r.flags() & 0x01) != 0 ? "+LZ4 body" : "") + " v" + (r.version() & 0x7F);
            responsesByKind.merge(kind, 1L, Long::sum);
        }
        List<String> problems = new java.util.ArrayList<>(checker.problems());
        problems.addAll(checkWitness());
        longestCaseNanos = Math.max(longestCaseNanos, System.nanoTime() - start);
        return problems;
    }

    private List<String> checkWitness() {
        int stream = (int) (cases % 30_000) + 2;
        feed(witness, Bytes.frame(4, 0, stream, 0x05, new byte[0]), List.of(64));
        ResponseChecker checker = new ResponseChecker();
        checker.check(witnessTap.drain());
        List<String> problems = new java.util.ArrayList<>(checker.problems());
        boolean answered = checker.responses().stream().anyMatch(r -> r.stream() == stream && r.opcode() == 0x06);
        if (!answered || !witness.isOpen()) {
            problems.add("the witness connection was not served: " + checker.responses());
        }
        return problems;
    }

    /** Feeds {@code bytes} in chunks of the given sizes (cycled), stopping if the server closed the channel. */
    private static void feed(EmbeddedChannel ch, byte[] bytes, List<Integer> chunks) {
        int off = 0;
        int i = 0;
        while (off < bytes.length && ch.isOpen()) {
            int n = Math.min(bytes.length - off, Math.max(1, chunks.get(i++ % chunks.size())));
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, off, n));
            ch.runPendingTasks();
            off += n;
            ch.releaseInbound();
            ch.releaseOutbound();
        }
        ch.runPendingTasks();
        ch.releaseOutbound();
    }

    /** Closes the witness and checks that the server is back to nothing in flight. */
    List<String> finish() {
        List<String> problems = new java.util.ArrayList<>();
        witness.finishAndReleaseAll();
        if (server.bytesInFlight() != 0) {
            problems.add(server.bytesInFlight() + " request bytes still counted in flight after every connection "
                    + "closed");
        }
        if (server.connections() != 0) {
            problems.add(server.connections() + " connections still tracked after every connection closed");
        }
        return problems;
    }

    long frames() {
        return frames;
    }

    long cases() {
        return cases;
    }

    long closedByServer() {
        return closedByServer;
    }

    long errorResponses() {
        return errorResponses;
    }

    /** Responses counted by how they were framed and the version of their header. */
    java.util.Map<String, Long> responsesByKind() {
        return responsesByKind;
    }

    long longestCaseMillis() {
        return longestCaseNanos / 1_000_000;
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
