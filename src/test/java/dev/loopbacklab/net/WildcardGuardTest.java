package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * While an exposure experiment holds a wildcard listener, a connection from another machine must be
 * closed unread. The peer test ({@code isLoopbackAddress}) is a seam: here 127.0.0.1 plays the
 * other machine, so the test sends traffic to loopback only.
 */
class WildcardGuardTest {
    private final List<InetAddress> foreign = new CopyOnWriteArrayList<>();

    @Test
    void closesAForeignPeerUnreadAndSaysSo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, IpLiteral.parse("0.0.0.0"))) {
            WildcardGuard.guard(server, peer -> false, foreign::add); // everyone is "foreign"
            try (Socket client = new Socket(IpLiteral.loopbackV4(), server.getLocalPort())) {
                try {
                    client.getOutputStream().write("GET /secrets".getBytes(StandardCharsets.UTF_8));
                } catch (java.net.SocketException resetAlready) {
                    // the guard may reset the connection before the request is even written:
                    // closed unread all the same (which of the two happens first is the
                    // scheduler's choice on a busy machine)
                }
                assertClosed(client.getInputStream());
            }
            waitFor(() -> foreign.size() == 1);
            assertEquals(List.of(IpLiteral.loopbackV4()), foreign);
        }
    }

    @Test
    void closesLoopbackPeersTooButReportsNone() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, IpLiteral.parse("0.0.0.0"))) {
            WildcardGuard.guard(server, foreign::add);
            for (int i = 0; i < 3; i++) {
                try (Socket client = new Socket(IpLiteral.loopbackV4(), server.getLocalPort())) {
                    assertClosed(client.getInputStream());
                }
            }
            assertEquals(List.of(), foreign);
        }
    }

    @Test
    void guardsChannelsAsWell() throws Exception {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new InetSocketAddress(IpLiteral.parse("0.0.0.0"), 0));
            WildcardGuard.guard(channel, foreign::add);
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            try (Socket client = new Socket(IpLiteral.loopbackV4(), port)) {
                assertClosed(client.getInputStream());
            }
            assertEquals(List.of(), foreign);
        }
    }

    /** The server closed: end of stream, or a reset. Never a byte of answer. */
    private static void assertClosed(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (IOException reset) {
            assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier state)
            throws InterruptedException {
        while (!state.getAsBoolean()) {
            Thread.sleep(5);
        }
    }
}
