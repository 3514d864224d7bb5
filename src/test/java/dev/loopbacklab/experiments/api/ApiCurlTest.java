package dev.loopbacklab.experiments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.EphemeralRange;
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

class ApiCurlTest {
    private final ApiCurl check = new ApiCurl();
    @AutoClose private final WaitingCheck run = new WaitingCheck(check);
    private final LiveReport report = run.report();

    @Test
    void passesWhenAGetHelloArrivesAndShowsItsSourcePort() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(ApiCurl.LISTENING);
        int sourcePort;
        String reply;
        try (Socket curl = new Socket(InetAddress.getLoopbackAddress(), port)) {
            sourcePort = curl.getLocalPort();
            curl.setSoTimeout(30_000);
            curl.getOutputStream()
                    .write(
                            ("GET /hello HTTP/1.1\r\nHost: 127.0.0.1:"
                                            + port
                                            + "\r\nUser-Agent: curl/8.0\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            reply = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(reply.endsWith("\"you\":\"127.0.0.1:" + sourcePort + "\"}"), reply);
        assertEquals(Outcome.PASSED, outcome.get());
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals(
                "Your request arrived: GET /hello from 127.0.0.1:" + sourcePort + ".",
                verdict.summary());
        Event.Fact request = report.factEvent("request 1").orElseThrow();
        assertEquals("GET /hello → 200", request.value());
        assertTrue(request.note().contains("User-Agent curl/8.0"), request.note());
        String range = EphemeralRange.detect().contains(sourcePort) ? "inside" : "outside";
        assertTrue(
                request.note()
                        .startsWith(
                                "from source port "
                                        + sourcePort
                                        + " ("
                                        + range
                                        + " this OS's ephemeral range"),
                request.note());
    }

    @Test
    void tellsTheLearnerTheCommandsForTheRealPort() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(ApiCurl.LISTENING);
        String url = "http://127.0.0.1:" + port + "/hello";
        assertEquals("curl " + url, report.requireFact(ApiCurl.CURL));
        assertEquals("Invoke-RestMethod " + url, report.requireFact("PowerShell"));
        assertEquals(url, report.requireFact("browser"));
        assertEquals(200, RawHttp.get(port, "/hello", "localhost:" + port).status());
        assertEquals(Outcome.PASSED, outcome.get());
    }

    @Test
    void failsWithAClearMessageWhenNothingArrives() throws Exception {
        assertEquals(Outcome.NOT_PASSED, run.start("1").get());
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals("No GET /hello reached the API within 1 s.", verdict.summary());
        assertTrue(
                verdict.details().get(0).contains("run the check again"),
                verdict.details().toString());
    }

    @Test
    void keepsWaitingThroughOtherRequestsAndListsThemWhenItFails() throws Exception {
        Future<Outcome> outcome = run.start("5");
        int port = run.listeningPort(ApiCurl.LISTENING);
        assertEquals(403, RawHttp.get(port, "/hello", "evil.example").status());
        assertEquals(404, RawHttp.get(port, "/favicon.ico", "127.0.0.1:" + port).status());
        assertEquals(Outcome.NOT_PASSED, outcome.get());
        String details = report.onlyVerdict().details().toString();
        assertTrue(
                details.contains("GET /hello → 403")
                        && details.contains("refused: Host was evil.example"),
                details);
        assertTrue(details.contains("GET /favicon.ico → 404"), details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheApi() throws Exception {
        Future<Outcome> outcome = run.start("120");
        int port = run.listeningPort(ApiCurl.LISTENING);
        report.cancel();
        assertEquals(Outcome.CANCELLED, outcome.get());
        assertTrue(report.all(Event.Verdict.class).isEmpty());
        NothingListens.at(port);
    }
}
