package dev.loopbacklab.experiments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.WaitingCheck;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ApiCurlTest {
    @AutoClose private final WaitingCheck run = new WaitingCheck(new ApiCurl());
    private final LiveReport report = run.report();

    @Test
    void passesWhenAGetHelloArrivesAndShowsItsSourcePort() throws Exception {
        int port = run.startListening("30");
        RawHttp.Exchange curl = RawHttp.curl(port, "/hello", "curl/8.0");
        int sourcePort = curl.sourcePort();
        assertTrue(
                curl.reply().endsWith("\"you\":\"127.0.0.1:" + sourcePort + "\"}"), curl.reply());
        Event.Verdict verdict = run.verdict(Outcome.PASSED);
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
        int port = run.startListening("30");
        String url = "http://127.0.0.1:" + port + "/hello";
        assertEquals(Platform.current().curlCommand(url), report.requireFact("curl"));
        assertEquals("Invoke-RestMethod " + url, report.requireFact("PowerShell"));
        assertEquals(url, report.requireFact("browser"));
        assertEquals(200, RawHttp.get(port, "/hello", "localhost:" + port).status());
        assertEquals(Outcome.PASSED, run.outcome());
    }

    @Test
    void failsWithAClearMessageWhenNothingArrives() throws Exception {
        assertEquals(
                "No GET /hello reached the API within 1 s.",
                run.verdictWhenNobodyComes().summary());
    }

    @Test
    void keepsWaitingThroughOtherRequestsAndListsThemWhenItFails() throws Exception {
        int port = run.startListening("5");
        assertEquals(403, RawHttp.get(port, "/hello", "evil.example").status());
        assertEquals(404, RawHttp.get(port, "/favicon.ico", "127.0.0.1:" + port).status());
        String details = run.verdict(Outcome.NOT_PASSED).details().toString();
        assertTrue(
                details.contains("GET /hello → 403")
                        && details.contains("refused: Host was evil.example"),
                details);
        assertTrue(details.contains("GET /favicon.ico → 404"), details);
    }

    @Test
    void stopEndsTheWaitAtOnceAndClosesTheApi() throws Exception {
        run.stopEndsTheWaitAndCloses("120");
    }
}
