package dev.loopbacklab.experiments.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

class DbYoursTest {
    private final DbYours check = new DbYours();

    private Event.Verdict check(int port, Outcome expected) {
        RecordingReport report = new RecordingReport();
        Params params = Params.parse(check.params(), Map.of("port", Integer.toString(port)));
        assertEquals(expected, Runner.run(check, params, report), () -> report.events.toString());
        return report.onlyVerdict();
    }

    private static Server h2(String... extra) throws Exception {
        String[] args = new String[2 + extra.length];
        args[0] = "-tcpPort";
        args[1] = "0";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Server.createTcpServer(args).start();
    }

    @Test
    void passesAgainstAnH2ServerThatMayCreateTheDatabase() throws Exception {
        Server server = h2("-ifNotExists");
        try {
            Event.Verdict verdict = check(server.getPort(), Outcome.PASSED);
            assertEquals("Your H2 server answered: SELECT 1 returned 1.", verdict.summary());
            assertEquals(
                    "URL: jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:check",
                    verdict.details().get(0));
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Event.Verdict verdict = check(port, Outcome.NOT_PASSED);
        assertEquals(
                "Connection refused: nothing is listening on 127.0.0.1:" + port + ".",
                verdict.summary());
        assertEquals(
                "H2's driver said: Connection is broken: \"java.net.ConnectException: Connection"
                        + " refused: 127.0.0.1:"
                        + port
                        + "\" [90067-252]",
                verdict.details().get(0));
    }

    @Test
    void failsWhenTheServerWillNotCreateTheDatabase() throws Exception {
        Server server = h2();
        try {
            Event.Verdict verdict = check(server.getPort(), Outcome.NOT_PASSED);
            assertEquals(
                    "An H2 server answered, but it will not create mem:check for a TCP client.",
                    verdict.summary());
            assertTrue(
                    verdict.details().get(0).contains("Database \"mem:check\" not found"),
                    verdict.details().toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void failsWhenSomethingElseListens() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread thread =
                    new Thread(
                            () -> {
                                try (Socket socket = other.accept()) {
                                    socket.getOutputStream()
                                            .write(
                                                    "HTTP/1.1 400 Bad Request\r\n\r\n"
                                                            .getBytes(StandardCharsets.US_ASCII));
                                    socket.getInputStream().read();
                                } catch (IOException e) {
                                    // the test is over
                                }
                            });
            thread.start();
            Event.Verdict verdict = check(other.getLocalPort(), Outcome.NOT_PASSED);
            thread.join();
            assertEquals(
                    "Something is listening on 127.0.0.1:"
                            + other.getLocalPort()
                            + ", but it"
                            + " does not speak H2's protocol.",
                    verdict.summary());
            assertTrue(
                    verdict.details().get(0).startsWith("H2's driver said: Connection is broken:"),
                    verdict.details().toString());
        }
    }

    @Test
    void failsWithinTheNetworkTimeoutWhenTheServerStaysSilent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The driver's own read time-out ends it ("Read timed out"), not a stopwatch here:
            // without one the check would hang until JUnit's timeout.
            Event.Verdict verdict = check(silent.getLocalPort(), Outcome.NOT_PASSED);
            assertTrue(
                    verdict.details().get(0).contains("Read timed out"),
                    verdict.details().toString());
        }
    }

    @Test
    void neverSuggestsStartingH2OnAPortTheOsReservesForPrivilegedPrograms() {
        PrivilegedPorts linux = PrivilegedPorts.parseLinux("1024\n");
        String hint = DbYours.startHint(1, linux);
        assertTrue(
                hint.startsWith("Port 1 is a privileged port here (ports 1–1023, by Linux"), hint);
        assertTrue(hint.contains("\"-tcpPort\", \"9092\""), hint);
        assertTrue(hint.contains("then check port 9092"), hint);
        assertTrue(!hint.contains("\"-tcpPort\", \"1\""), hint);
        // a registered port above the line is started where the learner asked
        String ordinary = DbYours.startHint(9093, linux);
        assertTrue(ordinary.contains("\"-tcpPort\", \"9093\""), ordinary);
        // the line is the OS's setting, not IANA's category: lowered to 80, port 443 is anyone's
        String lowered = DbYours.startHint(443, PrivilegedPorts.parseLinux("80"));
        assertTrue(lowered.contains("\"-tcpPort\", \"443\""), lowered);
        assertTrue(DbYours.startHint(79, PrivilegedPorts.parseLinux("80")).contains("9092"));
    }

    @Test
    void suggestsThePortAskedAboutWhereTheOsHasNoPrivilegedPorts() {
        for (Platform platform :
                List.of(Platform.of("Windows 11", "10.0"), Platform.of("Mac OS X", "14.5"))) {
            String hint = DbYours.startHint(1, PrivilegedPorts.of(platform));
            assertTrue(hint.contains("\"-tcpPort\", \"1\""), platform + ": " + hint);
        }
        // before 10.14 macOS reserved the low ports on every address, the wildcard H2 uses too
        String old = DbYours.startHint(1, PrivilegedPorts.of(Platform.of("Mac OS X", "10.13.6")));
        assertTrue(old.contains("then check port 9092"), old);
    }
}
