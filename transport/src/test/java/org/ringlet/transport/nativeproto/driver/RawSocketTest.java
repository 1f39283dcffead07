package org.ringlet.transport.nativeproto.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringlet.transport.nativeproto.Bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes over a real socket: what a client reads before the server closes. */
class RawSocketTest {

    private static byte[] readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads one whole frame and returns its header. */
    private static byte[] readFrameHeader(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        byte[] header = s.getInputStream().readNBytes(9);
        int length = ((header[5] & 0xFF) << 24) | ((header[6] & 0xFF) << 16) | ((header[7] & 0xFF) << 8)
                | (header[8] & 0xFF);
        assertEquals(length, s.getInputStream().readNBytes(length).length);
        return header;
    }

    @Test
    void aRefusedVersionIsAnsweredCompletelyThenTheServerCloses() throws Exception {
        try (RunningServer server = new RunningServer(0, Map.of());
             Socket s = new Socket(server.address.getAddress(), server.address.getPort())) {
            byte[] startup = Bytes.frame(0x42, 0, 0x0011, 0x01, Bytes.of().u16(1).string("CQL_VERSION")
                    .string("3.0.0").build());
            s.getOutputStream().write(startup);
            String message = "Invalid or unsupported protocol version (66); supported versions are (3/v3, 4/v4, "
                    + "5/v5)";
            byte[] expected = Bytes.frame(0x85, 0, 0x0011, 0x00, Bytes.of().i32(0x0A).string(message).build());
            assertEquals(Bytes.hex(expected), Bytes.hex(readUntilClosed(s)), "the answer, then end of stream");
        }
    }

    @Test
    void connectionsPastTheLimitAreClosedAndOthersKeepWorking() throws Exception {
        try (RunningServer server = new RunningServer(0, Map.of("native_transport_max_concurrent_connections",
                "1"));
             Socket first = new Socket(server.address.getAddress(), server.address.getPort())) {
            first.getOutputStream().write(Bytes.request(1, 0x05, new byte[0]));
            byte[] header = readFrameHeader(first);
            assertEquals(0x06, header[4], "SUPPORTED on the first connection");
            try (Socket second = new Socket(server.address.getAddress(), server.address.getPort())) {
                assertEquals(0, readUntilClosed(second).length, "closed without a word");
            }
            first.getOutputStream().write(Bytes.request(2, 0x05, new byte[0]));
            assertEquals(0x06, readFrameHeader(first)[4], "the first connection still works");
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RunningServer server = new RunningServer(0, Map.of("native_transport_idle_timeout", "300ms"));
             Socket s = new Socket(server.address.getAddress(), server.address.getPort())) {
            s.getOutputStream().write(Bytes.request(1, 0x05, new byte[0]));
            assertEquals(0x06, readFrameHeader(s)[4]);
            long start = System.nanoTime();
            assertEquals(0, readUntilClosed(s).length, "nothing more, then the server closes");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 200, "not before the timeout: " + waitedMillis + "ms");
        }
    }
}
