package org.ringlet.transport.nativeproto.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.testing.fuzz.CqlStatementGenerator;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.server.NativeTransportConfig;
import org.ringlet.transport.nativeproto.server.TestPipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 random and mutated CQL statements ({@link CqlStatementGenerator}, from core-api's test-jar) sent as
 * QUERY, PREPARE and BATCH over v4 and v5 connections, with and without LZ4: each reaches the query handler as
 * exactly the text the client encoded (quotes, comments, astral characters, 10,000 parentheses and all), and every
 * answer is complete. The statements are what a CQL parser must then survive; the cql module runs the same
 * generator against its parser.
 */
class StatementFuzzProperties {
    private final List<String> received = new ArrayList<>();
    private final QueryHandler recorder = new QueryHandler() {
        @Override
        public Map<String, List<String>> supportedOptions() {
            return Map.of();
        }

        @Override
        public CompletionStage<Response> query(ClientState state, String query, QueryOptions options) {
            received.add(query);
            return CompletableFuture.completedFuture(Response.of(new Result.Void()));
        }

        @Override
        public CompletionStage<Response> prepare(ClientState state, String query, String keyspace) {
            received.add(query);
            return CompletableFuture.completedFuture(Response.of(new Result.Prepared(new byte[] {1},
                    new byte[] {2}, List.of(), List.of(), List.of())));
        }

        @Override
        public CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId,
                                                 QueryOptions options) {
            throw new UnsupportedOperationException("not sent");
        }

        @Override
        public CompletionStage<Response> batch(ClientState state, BatchRequest batch) {
            batch.statements().forEach(s -> received.add(s.query()));
            return CompletableFuture.completedFuture(Response.of(new Result.Void()));
        }

        @Override
        public void addEventListener(EventListener listener) {
        }

        @Override
        public void removeEventListener(EventListener listener) {
        }
    };
    private final TestPipeline server = new TestPipeline(NativeTransportConfig.defaults(0), recorder);
    private final FuzzCase.Session[] sessions = {FuzzCase.Session.V4, FuzzCase.Session.V4_LZ4, FuzzCase.Session.V5,
        FuzzCase.Session.V5_LZ4};
    private final EmbeddedChannel[] connections = new EmbeddedChannel[sessions.length];
    private final OutboundTap[] taps = new OutboundTap[sessions.length];
    private int statements;

    @Property(tries = 10_000)
    void everyStatementArrivesIntactAndIsAnswered(@ForAll long seed) {
        Random r = new Random(seed);
        String statement = CqlStatementGenerator.statementMaybeMutated(r);
        // What the client's UTF-8 encoder sends (a lone surrogate becomes '?'), and so what must arrive.
        byte[] utf8 = statement.getBytes(StandardCharsets.UTF_8);
        String expected = new String(utf8, StandardCharsets.UTF_8);
        int s = r.nextInt(sessions.length);
        int version = sessions[s].version;
        int opcode = switch (r.nextInt(4)) {
            case 0 -> RequestTemplates.PREPARE;
            case 1 -> RequestTemplates.BATCH;
            default -> RequestTemplates.QUERY;
        };
        Bytes body = Bytes.of();
        if (opcode == RequestTemplates.BATCH) {
            body.u8(1).u16(1).u8(0).i32(utf8.length).raw(utf8).u16(0).u16(1);
            body = version >= 5 ? body.i32(0) : body.u8(0);
        } else {
            body.i32(utf8.length).raw(utf8);
            if (opcode == RequestTemplates.QUERY) {
                body.u16(1);
                body = version >= 5 ? body.i32(0) : body.u8(0);
            } else if (version >= 5) {
                body.i32(0);
            }
        }
        received.clear();
        List<ResponseChecker.Response> answers = send(s, new FuzzCase.FrameSpec(0, 7, List.of(), true), opcode,
                body.build());
        assertEquals(List.of(expected), received, "the statement as the handler saw it");
        assertEquals(1, answers.size());
        assertEquals(0x08, answers.get(0).opcode(), "a RESULT: " + answers.get(0));
        statements++;
    }

    private List<ResponseChecker.Response> send(int s, FuzzCase.FrameSpec spec, int opcode, byte[] body) {
        if (connections[s] == null) {
            taps[s] = new OutboundTap();
            connections[s] = server.connect(taps[s]);
            connections[s].writeInbound(Unpooled.wrappedBuffer(Bytes.frame(sessions[s].version, 0, 0,
                    RequestTemplates.STARTUP, RequestTemplates.startupBody(sessions[s].lz4))));
            connections[s].runPendingTasks();
            taps[s].drain();
        }
        byte[] frame = new FuzzCase(sessions[s], List.of(), List.of(1), null, List.of(1)).wrap(opcode, body, spec);
        connections[s].writeInbound(Unpooled.wrappedBuffer(frame));
        connections[s].runPendingTasks();
        connections[s].releaseOutbound();
        ResponseChecker checker = new ResponseChecker();
        checker.check(taps[s].drain());
        assertEquals(List.of(), checker.problems());
        return checker.responses();
    }

    @AfterProperty
    void close() {
        for (EmbeddedChannel c : connections) {
            if (c != null) {
                assertTrue(c.isOpen(), "no connection was closed by a statement");
                c.finishAndReleaseAll();
            }
        }
        assertTrue(statements == 0 || statements == 10_000, statements + " statements");
    }
}
