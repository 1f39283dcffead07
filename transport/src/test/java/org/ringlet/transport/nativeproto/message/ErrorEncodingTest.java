package org.ringlet.transport.nativeproto.message;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.error.AlreadyExistsException;
import org.ringlet.api.error.AuthenticationException;
import org.ringlet.api.error.CasWriteUnknownException;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.FunctionFailureException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.IsBootstrappingException;
import org.ringlet.api.error.OverloadedException;
import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.error.ReadFailureException;
import org.ringlet.api.error.ReadTimeoutException;
import org.ringlet.api.error.RequestFailureReason;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.error.TruncateException;
import org.ringlet.api.error.UnauthorizedException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.error.WriteTimeoutException;
import org.ringlet.transport.nativeproto.Bytes;

import static org.ringlet.transport.nativeproto.message.ResponseEncodingTest.assertBytes;
import static org.ringlet.transport.nativeproto.message.ResponseEncodingTest.encode;

/** ERROR bodies for every code of section 9, written by hand, in v4 and with Cassandra's v3 down-conversions. */
class ErrorEncodingTest {

    private static byte[] v4(RingletException e) {
        return encode(new ResponseFrame(3, 4, new ResponseMessage.ErrorMessage(e)));
    }

    private static byte[] v3(RingletException e) {
        return encode(new ResponseFrame(3, 3, new ResponseMessage.ErrorMessage(e)));
    }

    private static byte[] expectedV4(Bytes body) {
        return Bytes.response(0, 3, 0x00, body.build());
    }

    private static byte[] expectedV3(Bytes body) {
        return Bytes.frame(0x83, 0, 3, 0x00, body.build());
    }

    private static Map<InetAddress, RequestFailureReason> twoFailures() throws Exception {
        return Map.of(InetAddress.getByName("127.0.0.2"), RequestFailureReason.TIMEOUT,
                InetAddress.getByName("127.0.0.3"), RequestFailureReason.READ_TOO_MANY_TOMBSTONES);
    }

    @Test
    void codesWithoutExtraFields() {
        List<RingletException> plain = List.of(new ServerError("boom"), new ProtocolException("bad frame"),
                new AuthenticationException("Bad credentials"), new OverloadedException("busy"),
                new IsBootstrappingException("joining"), new TruncateException("truncate failed"),
                new SyntaxException("line 1:0 no viable alternative"), new UnauthorizedException("no"),
                new InvalidRequestException("unconfigured table nope"), new ConfigurationException("bad rf"),
                new RingletException(ErrorCode.CDC_WRITE_FAILURE, "cdc full"));
        for (RingletException e : plain) {
            assertBytes(expectedV4(Bytes.of().i32(e.code().code()).string(e.getMessage())), v4(e));
        }
    }

    @Test
    void unavailable() {
        UnavailableException e = new UnavailableException(ConsistencyLevel.QUORUM, 2, 1);
        assertBytes(expectedV4(Bytes.of().i32(0x1000).string("Cannot achieve consistency level QUORUM")
                .u16(0x0004).i32(2).i32(1)), v4(e));
    }

    @Test
    void writeTimeout() {
        WriteTimeoutException e = new WriteTimeoutException(WriteType.BATCH_LOG, ConsistencyLevel.ALL, 1, 3);
        assertBytes(expectedV4(Bytes.of().i32(0x1100).string(e.getMessage()).u16(0x0005).i32(1).i32(3)
                .string("BATCH_LOG")), v4(e));
    }

    @Test
    void readTimeout() {
        ReadTimeoutException e = new ReadTimeoutException(ConsistencyLevel.LOCAL_QUORUM, 1, 2, true);
        assertBytes(expectedV4(Bytes.of().i32(0x1200).string(e.getMessage()).u16(0x0006).i32(1).i32(2).u8(1)),
                v4(e));
    }

    @Test
    void readFailure() throws Exception {
        ReadFailureException e = new ReadFailureException("read failed", ConsistencyLevel.ONE, 0, 1, twoFailures(),
                false);
        assertBytes(expectedV4(Bytes.of().i32(0x1300).string("read failed").u16(0x0001).i32(0).i32(1).i32(2)
                .u8(0)), v4(e));
        // v3 has no read failures: a read timeout with the same numbers.
        assertBytes(expectedV3(Bytes.of().i32(0x1200).string("Operation timed out - received only 0 responses.")
                .u16(0x0001).i32(0).i32(1).u8(0)), v3(e));
    }

    @Test
    void writeFailure() throws Exception {
        WriteFailureException e = new WriteFailureException("write failed", ConsistencyLevel.TWO, 1, 2,
                twoFailures(), WriteType.COUNTER);
        assertBytes(expectedV4(Bytes.of().i32(0x1500).string("write failed").u16(0x0002).i32(1).i32(2).i32(2)
                .string("COUNTER")), v4(e));
        assertBytes(expectedV3(Bytes.of().i32(0x1100).string("Operation timed out - received only 1 responses.")
                .u16(0x0002).i32(1).i32(2).string("COUNTER")), v3(e));
    }

    @Test
    void functionFailure() {
        FunctionFailureException e = new FunctionFailureException("ks", "divide", List.of("int", "int"),
                "execution of 'ks.divide[int, int]' failed: java.lang.ArithmeticException: / by zero");
        assertBytes(expectedV4(Bytes.of().i32(0x1400).string(e.getMessage()).string("ks").string("divide")
                .stringList("int", "int")), v4(e));
        assertBytes(expectedV3(Bytes.of().i32(0x2200).string(e.getMessage())), v3(e));
    }

    @Test
    void cdcWriteFailureIsInvalidInV3() {
        RingletException e = new RingletException(ErrorCode.CDC_WRITE_FAILURE, "cdc full");
        assertBytes(expectedV3(Bytes.of().i32(0x2200).string("cdc full")), v3(e));
    }

    @Test
    void casWriteUnknownIsACasWriteTimeoutBeforeV5() {
        CasWriteUnknownException e = new CasWriteUnknownException(ConsistencyLevel.SERIAL, 1, 2);
        assertBytes(expectedV4(Bytes.of().i32(0x1100).string("Operation timed out - received only 1 responses.")
                .u16(0x0008).i32(1).i32(2).string("CAS")), v4(e));
    }

    @Test
    void casWriteTimeoutDoesNotCarryContentionsBeforeV5() {
        WriteTimeoutException e = new WriteTimeoutException(WriteType.CAS, ConsistencyLevel.SERIAL, 0, 2, 3);
        assertBytes(expectedV4(Bytes.of().i32(0x1100).string(e.getMessage()).u16(0x0008).i32(0).i32(2)
                .string("CAS")), v4(e));
    }

    private static byte[] v5(RingletException e) {
        return encode(new ResponseFrame(3, 5, new ResponseMessage.ErrorMessage(e)));
    }

    private static byte[] expectedV5(Bytes body) {
        return Bytes.frame(0x85, 0, 3, 0x00, body.build());
    }

    @Test
    void v5FailuresCarryTheReasonOfEachReplica() throws Exception {
        ReadFailureException read = new ReadFailureException("read failed", ConsistencyLevel.ONE, 0, 1,
                twoFailures(), true);
        assertBytes(expectedV5(Bytes.of().i32(0x1300).string("read failed").u16(0x0001).i32(0).i32(1).i32(2)
                .u8(4).raw(127, 0, 0, 2).u16(0x0002)
                .u8(4).raw(127, 0, 0, 3).u16(0x0001)
                .u8(1)), v5(read));
        WriteFailureException write = new WriteFailureException("write failed", ConsistencyLevel.TWO, 1, 2,
                twoFailures(), WriteType.SIMPLE);
        assertBytes(expectedV5(Bytes.of().i32(0x1500).string("write failed").u16(0x0002).i32(1).i32(2).i32(2)
                .u8(4).raw(127, 0, 0, 2).u16(0x0002)
                .u8(4).raw(127, 0, 0, 3).u16(0x0001)
                .string("SIMPLE")), v5(write));
    }

    @Test
    void v5CasErrors() {
        WriteTimeoutException timeout = new WriteTimeoutException(WriteType.CAS, ConsistencyLevel.SERIAL, 0, 2, 3);
        assertBytes(expectedV5(Bytes.of().i32(0x1100).string(timeout.getMessage()).u16(0x0008).i32(0).i32(2)
                .string("CAS").u16(3)), v5(timeout));
        CasWriteUnknownException unknown = new CasWriteUnknownException(ConsistencyLevel.SERIAL, 1, 2);
        assertBytes(expectedV5(Bytes.of().i32(0x1700).string(unknown.getMessage()).u16(0x0008).i32(1).i32(2)),
                v5(unknown));
    }

    @Test
    void alreadyExists() {
        assertBytes(expectedV4(Bytes.of().i32(0x2400).string("Keyspace 'ks' already exists").string("ks")
                .string("")), v4(AlreadyExistsException.keyspace("ks")));
        assertBytes(expectedV4(Bytes.of().i32(0x2400).string("Table 'ks.t' already exists").string("ks")
                .string("t")), v4(AlreadyExistsException.table("ks", "t")));
    }

    @Test
    void unpreparedCarriesTheIdTheClientSent() {
        byte[] id = {(byte) 0xAB, (byte) 0xCD, 0, 1};
        assertBytes(expectedV4(Bytes.of().i32(0x2500).string("Prepared query with ID abcd0001 not found")
                .shortBytes(id)), v4(new UnpreparedException(id, "Prepared query with ID abcd0001 not found")));
    }

    @Test
    void aCodeClaimedWithoutItsFieldsIsSentAsAServerErrorNotAShortBody() {
        RingletException bare = new RingletException(ErrorCode.UNAVAILABLE, "not enough replicas");
        String message = "Error UNAVAILABLE reported without its details (org.ringlet.api.error.RingletException): "
                + "not enough replicas";
        assertBytes(expectedV4(Bytes.of().i32(0x0000).string(message)), v4(bare));
    }

    @Test
    void aMessageLongerThanAStringAllowsIsCutAtACharacterBoundary() {
        String longMessage = "é".repeat(40_000); // 80,000 bytes of UTF-8
        byte[] out = v4(new InvalidRequestException(longMessage));
        String expectedText = "é".repeat(32_767); // 65,534 bytes: the last whole character that fits
        assertBytes(expectedV4(Bytes.of().i32(0x2200).string(expectedText)), out);
    }
}
