package org.ringlet.node.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortTest {
    @Test
    void picksABindablePortBelowTheEphemeralRange() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int i = 0; i < 20; i++) {
            int port = FreePort.pick(loopback);
            assertTrue(port >= 20000 && port < 32000, "port " + port + " lies below the ephemeral range");
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(loopback, port), 1);
                assertEquals(port, socket.getLocalPort());
            }
        }
    }
}
