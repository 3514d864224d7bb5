package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The run-start limit counts clients, not source addresses: all of loopback is one client, an IPv6
 * /64 is one, and in a room visitors are told apart by their identity, within a share per address.
 */
class StartLimitsTest {
    @Test
    void everyLoopbackAddressIsOneClient() {
        assertEquals("loopback", StartLimits.client("127.0.0.1"));
        assertEquals("loopback", StartLimits.client("127.45.6.7"));
        assertEquals("loopback", StartLimits.client("::1"));
        assertEquals("loopback", StartLimits.client("::ffff:127.0.0.9"));
        assertEquals("192.168.1.5", StartLimits.client("192.168.1.5"));
        assertEquals(
                StartLimits.client("2001:db8:1:2::1"), StartLimits.client("2001:db8:1:2:ffff::9"));
        assertFalse(
                StartLimits.client("2001:db8:1:2::1")
                        .equals(StartLimits.client("2001:db8:1:3::1")));
    }

    @Test
    void roomVisitorsHaveTheirOwnShareWithinTheirAddresss() {
        AtomicLong now = new AtomicLong();
        StartLimits limits = new StartLimits(2, Duration.ofSeconds(10), now::get);
        String address = "192.168.1.5";
        assertTrue(limits.tryStart(address, "visitor-a"));
        assertTrue(limits.tryStart(address, "visitor-a"));
        assertFalse(limits.tryStart(address, "visitor-a"), "a visitor's own share is used up");
        assertTrue(limits.tryStart(address, "visitor-b"), "another visitor behind the address");
        int more = 0;
        for (int i = 0; i < 100; i++) {
            if (limits.tryStart(address, "new-identity-" + i)) {
                more++;
            }
        }
        assertEquals(
                2 * StartLimits.VISITORS_PER_ADDRESS - 3, more, "new identities do not multiply");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(limits.tryStart(address, "visitor-a"), "a new window");
    }

    @Test
    void otherLoopbackSourceAddressesDoNotGetMoreStarts() throws Exception {
        LabConfig config = LabConfig.local(0, TestLab.fixtureContent());
        try (LabServer lab =
                TestLab.start(
                        config.withLimits(
                                config.limits().withRunStarts(3, Duration.ofMinutes(10))))) {
            int started = 0;
            int refused = 0;
            for (int last = 1; last <= 6; last++) {
                int status = post(lab.port(), new byte[] {127, 0, 0, (byte) last});
                if (status == 201) {
                    started++;
                } else if (status == 429) {
                    refused++;
                }
            }
            assertEquals(3, started, "127.0.0.1 to 127.0.0.6 are one client");
            assertEquals(3, refused);
        }
    }

    /** Starts a run from the source address {@code from}; the status. */
    private static int post(int port, byte[] from) throws IOException {
        String json = "{\"experiment\":\"test-count\",\"params\":{}}";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.getOutputStream()
                    .write(
                            ("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:"
                                            + port
                                            + "\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: "
                                            + json.length()
                                            + "\r\nConnection: close\r\n\r\n"
                                            + json)
                                    .getBytes(StandardCharsets.US_ASCII));
            String answer =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
