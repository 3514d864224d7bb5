package dev.loopbacklab.experiments.localhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalhostBothCheckTest {

    private static RecordingReport check(boolean ipv6, int port) throws Exception {
        LocalhostBothCheck check = new LocalhostBothCheck(() -> ipv6);
        RecordingReport report = new RecordingReport();
        check.run(Params.parse(check.params(), Map.of("port", Integer.toString(port))), report);
        return report;
    }

    private static Event.Verdict verdict(int port) throws Exception {
        return check(true, port).onlyVerdict();
    }

    /** Listeners on 127.0.0.1 and ::1 with the same port: one the OS picked, free on both. */
    private static List<ServerSocketChannel> onBoth() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocketChannel four = Listeners.open(Loopbacks.V4, 0);
            try {
                return List.of(four, Listeners.open(Loopbacks.V6, Listeners.port(four)));
            } catch (IOException taken) {
                four.close(); // something holds that port on ::1; ask for another
            }
        }
        throw new AssertionError("no port free on both 127.0.0.1 and ::1 in 20 tries");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocketChannel gone = Listeners.open(Loopbacks.V4, 0)) {
            return Listeners.port(gone);
        }
    }

    @Test
    void passesForOneListenerOnEachLoopbackAddress() throws Exception {
        Needs.ipv6();
        List<ServerSocketChannel> both = onBoth();
        try (ServerSocketChannel four = both.get(0);
                ServerSocketChannel six = both.get(1)) {
            int port = Listeners.port(four);
            assertEquals(port, Listeners.port(six));
            Event.Verdict verdict = verdict(port);

            assertTrue(verdict.passed(), verdict.toString());
            String expected =
                    SocketTable.available()
                            ? "Both families answer, each on loopback only"
                            : "Both 127.0.0.1:" + port;
            assertTrue(verdict.summary().startsWith(expected), verdict.summary());
            assertTrue(
                    verdict.details().contains("[::1]:" + port + " → connected"),
                    verdict.toString());
        }
    }

    @Test
    void failsForAServerOn127001Only() throws Exception {
        Needs.ipv6();
        try (ServerSocketChannel four = Listeners.open(Loopbacks.V4, 0)) {
            int port = Listeners.port(four);
            Event.Verdict verdict = verdict(port);

            assertFalse(verdict.passed());
            assertEquals(
                    "Only IPv4 answers: 127.0.0.1:"
                            + port
                            + " connects, [::1]:"
                            + port
                            + " refuses. A client that tries ::1 first gets \"Connection refused\". Add a second"
                            + " listener on ::1, same port "
                            + port
                            + ".",
                    verdict.summary());
            assertTrue(
                    verdict.details().contains("[::1]:" + port + " → refused: Connection refused"));
        }
    }

    @Test
    void failsForAServerOnIpv6LoopbackOnly() throws Exception {
        Needs.ipv6();
        try (ServerSocketChannel six = Listeners.open(Loopbacks.V6, 0)) {
            Event.Verdict verdict = verdict(Listeners.port(six));

            assertFalse(verdict.passed());
            assertTrue(verdict.summary().startsWith("Only IPv6 answers"), verdict.summary());
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port = unusedPort();
        Event.Verdict verdict = verdict(port);

        assertFalse(verdict.passed());
        assertEquals(
                "Nothing is listening on 127.0.0.1:"
                        + port
                        + " or [::1]:"
                        + port
                        + ". Start"
                        + " your server first, and check that it uses port "
                        + port
                        + ".",
                verdict.summary());
    }

    @Test
    void passesAWildcardButFlagsItAsExposed() throws Exception {
        Needs.ipv6();
        assumeTrue(SocketTable.available(), "needs Linux /proc");
        try (ServerSocket wildcard = new ServerSocket(0)) { // Java's dual-stack ::, every interface
            Event.Verdict verdict = verdict(wildcard.getLocalPort());

            assertTrue(verdict.passed(), verdict.toString());
            assertTrue(
                    verdict.summary()
                            .startsWith(
                                    "Works, but exposed: both families answer because"
                                            + " your server listens on [::]:"
                                            + wildcard.getLocalPort()),
                    verdict.summary());
            assertTrue(verdict.summary().contains("lesson 04"));
        }
    }

    @Test
    void withoutIpv6PassesOnIpv4AloneAndSaysWhy() throws Exception {
        try (ServerSocketChannel four = Listeners.open(Loopbacks.V4, 0)) {
            RecordingReport report = check(false, Listeners.port(four));

            assertTrue(report.onlyVerdict().passed());
            assertEquals(1, report.onlyVerdict().details().size());
            assertTrue(report.warnings().contains("IPv6 is not available on this machine"));
        }
    }
}
