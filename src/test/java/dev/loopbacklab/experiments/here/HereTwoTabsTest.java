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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HereTwoTabsTest {
    @AutoClose private final WaitingCheck run = new WaitingCheck(new HereTwoTabs());
    private final LiveReport report = run.report();

    /**
     * What a browser tab does: GET / without asking to close; the reply ends only because the
     * server closes the connection after its answer.
     */
    private static RawHttp.Exchange openTab(int port) throws IOException {
        return RawHttp.exchange(
                port, "GET / HTTP/1.1\nHost: 127.0.0.1:" + port + "\nUser-Agent: test-tab\n\n");
    }

    @Test
    void passesWhenTwoConnectionsFromDifferentSourcePortsArrive() throws Exception {
        int port = run.startListening("30");
        RawHttp.Exchange tab = openTab(port);
        int first = tab.sourcePort();
        assertTrue(tab.reply().startsWith("HTTP/1.1 200"), tab.reply());
        assertTrue(
                tab.reply()
                        .endsWith(
                                "\r\n\r\nhello from the check, your source port was "
                                        + first
                                        + "\n"),
                tab.reply());
        int second = openTab(port).sourcePort();
        Event.Verdict verdict = run.verdict(Outcome.PASSED);
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
        int port = run.startListening("30");
        assertEquals("curl http://127.0.0.1:" + port + "/", report.requireFact("curl"));
        assertEquals("http://127.0.0.1:" + port + "/", report.requireFact("browser"));
        assertEquals(200, RawHttp.get(port, "/", "localhost:" + port).status());
        assertEquals(200, RawHttp.get(port, "/", "127.0.0.1:" + port).status());
        assertEquals(Outcome.PASSED, run.outcome());
    }

    @Test
    void failsWithAClearMessageWhenNobodyConnects() throws Exception {
        Event.Verdict verdict = run.verdictWhenNobodyComes();
        assertTrue(
                verdict.summary()
                        .matches(
                                "No connection asked for http://127\\.0\\.0\\.1:\\d+/ within 1 s\\."),
                verdict.summary());
    }

    @Test
    void failsSayingOnlyOneArrivedWhenTheLearnerConnectsOnce() throws Exception {
        int first = openTab(run.startListening("5")).sourcePort();
        Event.Verdict verdict = run.verdict(Outcome.NOT_PASSED);
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
        int port = run.startListening("5");
        assertEquals(403, RawHttp.get(port, "/", "evil.example").status());
        assertEquals(404, RawHttp.get(port, "/favicon.ico", "127.0.0.1:" + port).status());
        Event.Verdict verdict = run.verdict(Outcome.NOT_PASSED);
        assertTrue(verdict.summary().startsWith("No connection asked for"), verdict.summary());
        String details = verdict.details().toString();
        assertTrue(details.contains("GET / → 403: Host was evil.example"), details);
        assertTrue(details.contains("GET /favicon.ico → 404"), details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheServer() throws Exception {
        run.stopEndsTheWaitAndCloses("300");
    }

    @Test
    void refusesWaitsOutsideOneToThreeHundredSeconds() {
        assertThrows(ParamException.class, () -> run.start("0"));
        assertThrows(ParamException.class, () -> run.start("301"));
    }
}
