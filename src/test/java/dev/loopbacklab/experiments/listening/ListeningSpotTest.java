package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListeningSpotTest {

    private static Event.Verdict check(SocketSource source, int port, Outcome expected) {
        ListeningSpot check = new ListeningSpot(source);
        RecordingReport report = new RecordingReport();
        Params params = Params.parse(check.params(), Map.of("port", Integer.toString(port)));
        assertEquals(expected, Runner.run(check, params, report), () -> report.events.toString());
        return report.onlyVerdict();
    }

    private static int freePort() throws IOException {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return closed.getLocalPort();
        }
    }

    @Test
    void passesAndNamesThisProcessAsTheOwner() throws Exception {
        assumeTrue(SocketTable.available(), "reads Linux's /proc");
        long pid = ProcessHandle.current().pid();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            Event.Verdict verdict = check(SocketSource.real(), port, Outcome.PASSED);

            assertEquals(
                    "Found it: java (pid "
                            + pid
                            + ") listens on 127.0.0.1:"
                            + port
                            + " — loopback only: only programs on this machine can connect.",
                    verdict.summary());
            assertTrue(
                    verdict.details()
                            .get(0)
                            .startsWith(
                                    "tcp6 LISTEN 127.0.0.1:"
                                            + port
                                            + ": loopback only, java (pid "
                                            + pid
                                            + ") ← this lab, uid "),
                    verdict.details().toString());
            assertTrue(
                    verdict.details().contains("in a terminal: ss -ltnp — look for port " + port),
                    verdict.details().toString());
        }
    }

    @Test
    void passesForAWildcardServerAndPointsToTheExposureLesson() throws Exception {
        assumeTrue(SocketTable.available(), "reads Linux's /proc");
        InetAddress wildcard = InetAddress.getByAddress(new byte[4]);
        try (ServerSocket server = new ServerSocket(0, 50, wildcard)) {
            Event.Verdict verdict =
                    check(SocketSource.real(), server.getLocalPort(), Outcome.PASSED);

            assertTrue(
                    verdict.summary()
                            .contains(
                                    "all interfaces (wildcard): other machines can connect"
                                            + " too. Lesson 04 (exposure) shows how to bind 127.0.0.1 instead."),
                    verdict.summary());
        }
    }

    @Test
    void failsWhenNothingListensOnThePort() throws Exception {
        assumeTrue(SocketTable.available(), "reads Linux's /proc");
        int port = freePort();
        Event.Verdict verdict = check(SocketSource.real(), port, Outcome.NOT_PASSED);

        assertEquals(
                "Nothing is listening on TCP port " + port + " on this machine.",
                verdict.summary());
        assertTrue(
                verdict.details()
                        .get(verdict.details().size() - 1)
                        .endsWith("EchoServer.start(\"127.0.0.1\", " + port + ");"),
                verdict.details().toString());
    }

    @Test
    void failsForAUdpSocketAndSaysUdpHasNoListeners() {
        Event.Verdict verdict = check(Fixtures.linux(), 7010, Outcome.NOT_PASSED);
        assertTrue(
                verdict.details()
                        .contains(
                                "a UDP socket is bound to 127.0.0.1:7010 (dnsmasq (pid 4244)),"
                                        + " but UDP has no listeners: the check looks for a TCP server"),
                verdict.details().toString());
    }

    @Test
    void passesWhenTheOwnerIsHiddenButTheListenerIsSeen() {
        Event.Verdict verdict = check(Fixtures.linux(), 8080, Outcome.PASSED);
        assertEquals(
                "Found it: a process hidden from you (user id 1000) listens on 192.0.2.7:8080 — a"
                        + " specific network address: machines on that network can connect. Lesson 04 (exposure)"
                        + " shows how to bind 127.0.0.1 instead.",
                verdict.summary());
        assertTrue(
                verdict.details()
                        .contains(
                                "owner hidden: other users' processes (sudo ss -ltnp shows"
                                        + " them), or processes outside this container's view"),
                verdict.details().toString());
    }

    @Test
    void judgesByTheWidestScopeWhenOnePortHasSeveralListeners() {
        Event.Verdict verdict = check(Fixtures.linux(), 22, Outcome.PASSED);
        assertTrue(
                verdict.summary()
                        .startsWith(
                                "Found it: a process hidden from you (user id 0 (root))"
                                        + " listens on 0.0.0.0:22 and [::]:22 — all interfaces"),
                verdict.summary());
    }

    @Test
    void withoutATablePassesWhenSomethingAcceptsOnLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Event.Verdict verdict =
                    check(Fixtures.without("FreeBSD"), server.getLocalPort(), Outcome.PASSED);
            assertTrue(
                    verdict.summary()
                            .startsWith(
                                    "Something listens on port "
                                            + server.getLocalPort()
                                            + ": it accepted a connection."),
                    verdict.summary());
            assertTrue(
                    verdict.summary()
                            .endsWith("find its owner with: lsof -nP -iTCP -sTCP:LISTEN."));
        }
    }

    @Test
    void whenTheToolFailsPassesOnlyIfSomethingAcceptsOnLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            check(Fixtures.failing("Mac OS X"), server.getLocalPort(), Outcome.PASSED);
        }
        int port = freePort();
        Event.Verdict verdict = check(Fixtures.failing("Mac OS X"), port, Outcome.NOT_PASSED);
        assertEquals(
                "Nothing is listening on TCP port "
                        + port
                        + " on loopback: nothing accepted a"
                        + " connection on 127.0.0.1 or ::1.",
                verdict.summary());
    }

    @Test
    void onMacosNamesTheProgramLsofListsAndItsWidestScope() {
        Event.Verdict verdict = check(Fixtures.mac(), 7000, Outcome.PASSED);
        assertEquals(
                "Found it: ControlCe (pid 510) listens on 0.0.0.0:7000 and [::]:7000 — all"
                        + " interfaces (wildcard): other machines can connect too. Lesson 04"
                        + " (exposure) shows how to bind 127.0.0.1 instead.",
                verdict.summary());
        assertTrue(
                verdict.details()
                        .contains(
                                "in a terminal: lsof -nP -iTCP -sTCP:LISTEN — look for port 7000"),
                verdict.details().toString());
        assertTrue(
                verdict.details().get(0).startsWith("tcp LISTEN 0.0.0.0:7000: all interfaces"),
                verdict.details().toString());
        assertTrue(verdict.details().get(0).contains("uid —"), verdict.details().toString());
        assertTrue(
                check(Fixtures.mac(), 44960, Outcome.PASSED)
                        .summary()
                        .endsWith("loopback only: only programs on this machine can connect."));
    }

    @Test
    void onMacosSaysOnlyYourProcessesWereSearchedWhenNothingIsFound() {
        Event.Verdict verdict = check(Fixtures.mac(), 7010, Outcome.NOT_PASSED);
        assertEquals("None of your processes listens on TCP port 7010.", verdict.summary());
        assertTrue(
                verdict.details().stream().anyMatch(d -> d.contains("sudo lsof -nP")),
                verdict.details().toString());
    }

    @Test
    void onWindowsNamesThePidNetstatGivesAndTheWindowsCommands() {
        Event.Verdict verdict = check(Fixtures.windows(), 3389, Outcome.PASSED);
        assertEquals(
                "Found it: pid 1552 listens on 0.0.0.0:3389 — all interfaces (wildcard): other"
                        + " machines can connect too. Lesson 04 (exposure) shows how to bind"
                        + " 127.0.0.1 instead.",
                verdict.summary());
        assertTrue(
                verdict.details().stream()
                        .anyMatch(d -> d.startsWith("in a terminal: Get-NetTCPConnection")),
                verdict.details().toString());
        Event.Verdict nothing = check(Fixtures.windows(), 7010, Outcome.NOT_PASSED);
        assertEquals("Nothing is listening on TCP port 7010 on this machine.", nothing.summary());
    }

    @Test
    void suggestsPort7010() {
        ListeningSpot check = new ListeningSpot(Fixtures.linux());
        assertEquals(7010, Params.defaults(check.params()).port("port"));
    }
}
