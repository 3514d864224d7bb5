package dev.loopbacklab.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.NothingListens;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.WaitingCheck;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class MetricsYoursTest {
    private final MetricsYours check = new MetricsYours();
    @AutoClose private final WaitingCheck run = new WaitingCheck(check);
    private final LiveReport report = run.report();

    @Test
    void passesWhenAnotherProgramScrapesAndNamesItsSourcePortAndUserAgent() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(MetricsYours.LISTENING);
        assertEquals(
                "curl http://127.0.0.1:" + port + "/metrics",
                report.requireFact(MetricsYours.CURL));
        int sourcePort;
        String reply;
        try (Socket curl = new Socket(InetAddress.getLoopbackAddress(), port)) {
            sourcePort = curl.getLocalPort();
            curl.setSoTimeout(30_000);
            curl.getOutputStream()
                    .write(
                            ("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:"
                                            + port
                                            + "\r\nUser-Agent: curl/8.5.0\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            reply = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("text/plain; version=0.0.4"), reply);
        assertEquals(Outcome.PASSED, outcome.get());
        assertEquals(
                "Your scrape arrived from 127.0.0.1:" + sourcePort + " (curl/8.5.0).",
                report.onlyVerdict().summary());
    }

    @Test
    void aScrapeWithAGuessedSelfTokenStillCounts() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(MetricsYours.LISTENING);
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
        assertEquals(Outcome.PASSED, outcome.get());
    }

    @Test
    void failsWithAClearHintWhenNobodyScrapes() throws Exception {
        assertEquals(Outcome.NOT_PASSED, run.start("1").get());
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals("No scrape of /metrics arrived within 1 s.", verdict.summary());
        assertTrue(
                verdict.details().get(0).contains("run the check again"),
                verdict.details().toString());
        assertTrue(
                verdict.details().get(0).contains("curl http://127.0.0.1:"),
                verdict.details().toString());
    }

    @Test
    void aScrapeWithAForeignHostIsRefusedAndListedButDoesNotPass() throws Exception {
        Future<Outcome> outcome = run.start("5");
        int port = run.listeningPort(MetricsYours.LISTENING);
        assertEquals(403, RawHttp.get(port, "/metrics", "evil.example").status());
        assertEquals(Outcome.NOT_PASSED, outcome.get());
        String details = report.onlyVerdict().details().toString();
        assertTrue(
                details.contains("GET /metrics → 403") && details.contains("Host was evil.example"),
                details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheServer() throws Exception {
        Future<Outcome> outcome = run.start("300");
        int port = run.listeningPort(MetricsYours.LISTENING);
        report.cancel();
        assertEquals(Outcome.CANCELLED, outcome.get());
        assertTrue(report.all(Event.Verdict.class).isEmpty());
        NothingListens.at(port);
    }
}
