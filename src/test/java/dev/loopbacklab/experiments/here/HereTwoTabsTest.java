package dev.loopbacklab.experiments.here;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.WaitingCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HereTwoTabsTest {
    private final HereTwoTabs check = new HereTwoTabs();
    @AutoClose private final WaitingCheck run = new WaitingCheck(check);
    private final LiveReport report = run.report();

    /** What a browser tab does: GET / without asking to close; returns the source port used. */
    private static int openTab(int port, String[] reply) throws IOException {
        try (Socket tab = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.setSoTimeout(30_000);
            tab.getOutputStream()
                    .write(
                            ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                                            + port
                                            + "\r\nUser-Agent: test-tab\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            // readAllBytes ends only because the server closes the connection after its answer.
            reply[0] = new String(tab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return tab.getLocalPort();
        }
    }

    @Test
    void passesWhenTwoConnectionsFromDifferentSourcePortsArrive() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(HereTwoTabs.LISTENING);
        String[] reply = new String[1];
        int first = openTab(port, reply);
        assertTrue(reply[0].startsWith("HTTP/1.1 200"), reply[0]);
        assertTrue(
                reply[0].endsWith(
                        "\r\n\r\nhello from the check, your source port was " + first + "\n"),
                reply[0]);
        int second = openTab(port, reply);
        assertEquals(Outcome.PASSED, outcome.get());
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals(
                "Two connections arrived, from source ports " + first + " and " + second + ".",
                verdict.summary());
        assertEquals(
                "first:  127.0.0.1:" + first + " → 127.0.0.1:" + port, verdict.details().get(0));
        assertEquals(
                "second: 127.0.0.1:" + second + " → 127.0.0.1:" + port, verdict.details().get(1));
        assertEquals(
                "127.0.0.1:" + second + " → 127.0.0.1:" + port, report.requireFact("connection 2"));
    }

    @Test
    void tellsTheLearnerTheExactAddressToOpen() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(HereTwoTabs.LISTENING);
        assertEquals("curl http://127.0.0.1:" + port + "/", report.requireFact(HereTwoTabs.CURL));
        assertEquals("http://127.0.0.1:" + port + "/", report.requireFact("browser"));
        assertEquals(200, RawHttp.get(port, "/", "localhost:" + port).status());
        assertEquals(200, RawHttp.get(port, "/", "127.0.0.1:" + port).status());
        assertEquals(Outcome.PASSED, outcome.get());
    }

    @Test
    void failsWithAClearMessageWhenNobodyConnects() throws Exception {
        assertEquals(Outcome.NOT_PASSED, run.start("1").get());
        Event.Verdict verdict = report.onlyVerdict();
        assertTrue(
                verdict.summary()
                        .matches(
                                "No connection asked for http://127\\.0\\.0\\.1:\\d+/ within 1 s\\."),
                verdict.summary());
        assertTrue(
                verdict.details().get(0).contains("run the check again"),
                verdict.details().toString());
    }

    @Test
    void failsSayingOnlyOneArrivedWhenTheLearnerConnectsOnce() throws Exception {
        Future<Outcome> outcome = run.start("5");
        int first = openTab(run.listeningPort(HereTwoTabs.LISTENING), new String[1]);
        assertEquals(Outcome.NOT_PASSED, outcome.get());
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals(
                "Only one connection arrived within 5 s (from source port "
                        + first
                        + "); the check needs two.",
                verdict.summary());
        assertTrue(
                verdict.details().get(0).contains("a second time"), verdict.details().toString());
    }

    @Test
    void doesNotCountForeignHostsOrOtherPaths() throws Exception {
        Future<Outcome> outcome = run.start("5");
        int port = run.listeningPort(HereTwoTabs.LISTENING);
        assertEquals(403, RawHttp.get(port, "/", "evil.example").status());
        assertEquals(404, RawHttp.get(port, "/favicon.ico", "127.0.0.1:" + port).status());
        assertEquals(Outcome.NOT_PASSED, outcome.get());
        Event.Verdict verdict = report.onlyVerdict();
        assertTrue(verdict.summary().startsWith("No connection asked for"), verdict.summary());
        String details = verdict.details().toString();
        assertTrue(details.contains("GET / → 403: Host was evil.example"), details);
        assertTrue(details.contains("GET /favicon.ico → 404"), details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheServer() throws Exception {
        Future<Outcome> outcome = run.start("300");
        int port = run.listeningPort(HereTwoTabs.LISTENING);
        report.cancel();
        assertEquals(Outcome.CANCELLED, outcome.get());
        assertTrue(report.all(Event.Verdict.class).isEmpty());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("still listening on " + port + ": " + socket);
        } catch (IOException expected) {
            assertEquals("Connection refused", expected.getMessage());
        }
    }

    @Test
    void refusesWaitsOutsideOneToThreeHundredSeconds() {
        assertThrows(ParamException.class, () -> run.start("0"));
        assertThrows(ParamException.class, () -> run.start("301"));
    }
}
