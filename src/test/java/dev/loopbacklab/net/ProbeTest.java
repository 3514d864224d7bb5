package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProbeTest {

    /** Only a bound for a hung connect (JUnit's timeout is the real one), never a speed claim. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final InetAddress LOOPBACK = EchoServerTest.LOOPBACK;

    @Test
    void connectsToAListeningServerAndSaysFromWhere() throws IOException {
        try (EchoServer server = EchoServer.start()) {
            long before = System.nanoTime();
            ProbeResult result = Probe.connect(LOOPBACK, server.port(), TIMEOUT);
            Duration around = Duration.ofNanos(System.nanoTime() - before);

            assertEquals(ProbeResult.Outcome.CONNECTED, result.outcome());
            assertTrue(result.connected());
            assertTrue(result.localPort() > 0);
            assertEquals("connected from 127.0.0.1:" + result.localPort(), result.detail());
            // what the probe measured lies within the call, however slow the machine is
            assertFalse(result.elapsed().isNegative(), result.elapsed().toString());
            assertTrue(result.elapsed().compareTo(around) <= 0, result.elapsed() + " > " + around);
        }
    }

    @Test
    void isRefusedByAPortNobodyListensOn() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            port = socket.getLocalPort();
        }
        ProbeResult result = Probe.connect(LOOPBACK, port, TIMEOUT);

        assertEquals(ProbeResult.Outcome.REFUSED, result.outcome());
        assertEquals("Connection refused", result.detail());
        assertEquals(-1, result.localPort());
    }

    @Test
    void serverOn127001IsRefusedVia127002() throws IOException {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "all of 127.0.0.0/8 answers only on Linux by default");
        try (EchoServer server = EchoServer.start()) {
            InetAddress other = AddressText.parse("127.0.0.2");
            ProbeResult result = Probe.connect(other, server.port(), TIMEOUT);

            assertEquals(ProbeResult.Outcome.REFUSED, result.outcome());
            assertEquals("Connection refused", result.detail());
        }
    }

    @Test
    void refusesToProbeAnythingButLoopback() {
        InetAddress documentationOnly = AddressText.parse("192.0.2.1"); // TEST-NET-1, never routed
        assertThrows(
                IllegalArgumentException.class,
                () -> Probe.connect(documentationOnly, 80, TIMEOUT));
        assertThrows(
                IllegalArgumentException.class,
                () -> EchoClient.connect(documentationOnly, 80, TIMEOUT));
        assertThrows(
                IllegalArgumentException.class,
                () -> Probe.connect(AddressText.parse("0.0.0.0"), 80, TIMEOUT));
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThrows(
                IllegalArgumentException.class, () -> Probe.connect(LOOPBACK, 1, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> Probe.connect(LOOPBACK, 1, Duration.ofMillis(-1)));
    }
}
