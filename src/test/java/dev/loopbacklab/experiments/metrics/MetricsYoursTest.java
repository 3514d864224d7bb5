package dev.loopbacklab.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.WaitingCheck;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class MetricsYoursTest {
    @AutoClose private final WaitingCheck run = new WaitingCheck(new MetricsYours());
    private final LiveReport report = run.report();

    @Test
    void passesWhenAnotherProgramScrapesAndNamesItsSourcePortAndUserAgent() throws Exception {
        int port = run.startListening("30");
        assertEquals(
                Platform.current().curlCommand("http://127.0.0.1:" + port + "/metrics"),
                report.requireFact("curl"));
        RawHttp.Exchange curl = RawHttp.curl(port, "/metrics", "curl/8.5.0");
        assertTrue(curl.reply().startsWith("HTTP/1.1 200"), curl.reply());
        assertTrue(curl.reply().contains("text/plain; version=0.0.4"), curl.reply());
        assertEquals(
                "Your scrape arrived from 127.0.0.1:" + curl.sourcePort() + " (curl/8.5.0).",
                run.verdict(Outcome.PASSED).summary());
    }

    @Test
    void aScrapeWithAGuessedSelfTokenStillCounts() throws Exception {
        int port = run.startListening("30");
        // Only the server knows its token, so a request claiming to be the lab's with a wrong one
        // counts.
        RawHttp.Response wrong =
                RawHttp.send(
                        port,
                        "GET /metrics HTTP/1.1\nHost: 127.0.0.1:"
                                + port
                                + "\n"
                                + MetricsServer.SELF_HEADER
                                + ": guess\nConnection: close\n\n");
        assertEquals(200, wrong.status());
        assertEquals(Outcome.PASSED, run.outcome());
    }

    @Test
    void failsWithAClearHintWhenNobodyScrapes() throws Exception {
        Event.Verdict verdict = run.verdictWhenNobodyComes();
        assertEquals("No scrape of /metrics arrived within 1 s.", verdict.summary());
        assertTrue(
                verdict.details()
                        .get(0)
                        .contains(Platform.current().curlCommand("http://127.0.0.1:")),
                verdict.details().toString());
    }

    @Test
    void aScrapeWithAForeignHostIsRefusedAndListedButDoesNotPass() throws Exception {
        int port = run.startListening("5");
        assertEquals(403, RawHttp.get(port, "/metrics", "evil.example").status());
        String details = run.verdict(Outcome.NOT_PASSED).details().toString();
        assertTrue(
                details.contains("GET /metrics → 403") && details.contains("Host was evil.example"),
                details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheServer() throws Exception {
        run.stopEndsTheWaitAndCloses("300");
    }
}
