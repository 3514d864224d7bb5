package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Sse;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabServer;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting runs over HTTP and watching them as Server-Sent Events. */
class RunApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LabServer lab;

    @BeforeEach
    void start() {
        lab = TestLab.start(3, java.time.Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    RawHttp.Response post(String json) throws Exception {
        return RawHttp.postJson(lab.port(), "/api/runs", "", json);
    }

    JsonNode started(String json) throws Exception {
        RawHttp.Response response = post(json);
        assertEquals(201, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void startsARunAndStreamsItsEventsThenDone() throws Exception {
        JsonNode run = started("{\"experiment\":\"test-count\",\"params\":{\"count\":\"5\"}}");
        assertTrue(run.get("events").asText().matches("/api/runs/[0-9a-f]{24}/events"));
        List<Sse.Message> messages = Sse.readAll(lab.port(), run.get("events").asText());
        Sse.Message fact =
                messages.stream().filter(m -> m.name().equals("fact")).findFirst().orElseThrow();
        assertEquals("5", fact.json().get("event").get("value").asText());
        assertTrue(
                Jsoup.parse(fact.json().get("html").asText())
                        .select(".fact-value")
                        .text()
                        .equals("5"));
        Sse.Message chart =
                messages.stream().filter(m -> m.name().equals("chart")).findFirst().orElseThrow();
        assertNotNull(
                Jsoup.parse(chart.json().get("html").asText()).selectFirst("svg[role=img] title"));
        assertTrue(messages.stream().anyMatch(m -> m.name().equals("progress")));
        Sse.Message done = messages.get(messages.size() - 1);
        assertEquals("done", done.name());
        assertEquals("completed", done.json().get("outcome").asText());
    }

    @Test
    void aStreamOpenedLateReplaysFromTheStart() throws Exception {
        JsonNode run = started("{\"experiment\":\"test-count\",\"params\":{\"count\":3}}");
        List<Sse.Message> first = Sse.readAll(lab.port(), run.get("events").asText());
        List<Sse.Message> again = Sse.readAll(lab.port(), run.get("events").asText());
        assertEquals(
                first.stream().map(Sse.Message::name).toList(),
                again.stream().map(Sse.Message::name).toList());
    }

    @Test
    void checksRunTheSameWayAndEndInAVerdict() throws Exception {
        JsonNode pass = started("{\"experiment\":\"test-judge\",\"params\":{\"pass\":true}}");
        List<Sse.Message> messages = Sse.readAll(lab.port(), pass.get("events").asText());
        assertTrue(
                messages.stream()
                        .anyMatch(
                                m ->
                                        m.name().equals("verdict")
                                                && m.json()
                                                        .get("event")
                                                        .get("passed")
                                                        .asBoolean()));
        assertEquals("passed", messages.get(messages.size() - 1).json().get("outcome").asText());
        JsonNode fail = started("{\"experiment\":\"test-judge\",\"params\":{\"pass\":false}}");
        List<Sse.Message> failed = Sse.readAll(lab.port(), fail.get("events").asText());
        assertEquals("not_passed", failed.get(failed.size() - 1).json().get("outcome").asText());
    }

    @Test
    void aFailingExperimentEndsWithAnErrorEventAndTheLabKeepsServing() throws Exception {
        JsonNode run = started("{\"experiment\":\"test-boom\"}");
        List<Sse.Message> messages = Sse.readAll(lab.port(), run.get("events").asText());
        Sse.Message error =
                messages.stream().filter(m -> m.name().equals("error")).findFirst().orElseThrow();
        assertEquals(
                "BindException: Address already in use",
                error.json().get("event").get("message").asText());
        assertEquals(200, RawHttp.get(lab.port(), "/", "localhost").status());
    }

    @Test
    void invalidParamsAre400WithTheField() throws Exception {
        RawHttp.Response response =
                post("{\"experiment\":\"test-count\",\"params\":{\"count\":\"0\"}}");
        assertEquals(400, response.status());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("count", body.get("field").asText());
        assertTrue(
                body.get("error")
                        .asText()
                        .startsWith("count must be a whole number from 1 to 1,000,000"));
    }

    @Test
    void aNonLoopbackHostIs400() throws Exception {
        RawHttp.Response response =
                post("{\"experiment\":\"test-judge\",\"params\":{\"host\":\"10.0.0.1\"}}");
        assertEquals(400, response.status());
        assertEquals("host", JSON.readTree(response.body()).get("field").asText());
    }

    @Test
    void unknownExperimentsAre404() throws Exception {
        assertEquals(404, post("{\"experiment\":\"no-such-thing\"}").status());
        assertEquals(404, RawHttp.get(lab.port(), "/api/runs/nope/events", "localhost").status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"experiment\":5}",
                "{\"experiment\":\"test-count\",\"params\":[1]}",
                "{\"experiment\":\"test-count\",\"params\":{\"count\":{\"a\":1}}}"
            })
    void malformedRequestsAre400NotErrors(String body) throws Exception {
        RawHttp.Response response = post(body);
        assertEquals(400, response.status(), body);
        assertNotNull(JSON.readTree(response.body()).get("error"));
    }

    @Test
    void aGetNeverStartsARun() throws Exception {
        int before = lab.runs().active();
        RawHttp.Response response = RawHttp.get(lab.port(), "/api/runs", "localhost");
        assertTrue(
                response.status() == 404 || response.status() == 405,
                "status " + response.status());
        assertEquals(before, lab.runs().active());
    }

    @Test
    void crossSiteRequestsAreRefused() throws Exception {
        String json = "{\"experiment\":\"test-count\"}";
        assertEquals(
                403,
                RawHttp.postJson(lab.port(), "/api/runs", "Origin: http://evil.example\n", json)
                        .status());
        assertEquals(
                403,
                RawHttp.postJson(lab.port(), "/api/runs", "Sec-Fetch-Site: cross-site\n", json)
                        .status());
        assertEquals(
                403,
                RawHttp.postJson(lab.port(), "/api/runs", "Sec-Fetch-Site: same-site\n", json)
                        .status());
        assertEquals(
                201,
                RawHttp.postJson(
                                lab.port(),
                                "/api/runs",
                                "Origin: http://127.0.0.1:" + lab.port() + "\n",
                                json)
                        .status());
        assertEquals(
                201,
                RawHttp.postJson(lab.port(), "/api/runs", "Sec-Fetch-Site: same-origin\n", json)
                        .status());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "POST /api/runs HTTP/1.1\nHost: localhost\n"
                                + "Content-Type: text/plain\nContent-Length: 2\nConnection: close\n\nhi");
        assertEquals(415, response.status());
    }

    @Test
    void tooManyRunsAre429AndStopFreesASlot() throws Exception {
        JsonNode first = started("{\"experiment\":\"test-hold\"}");
        started("{\"experiment\":\"test-hold\"}");
        started("{\"experiment\":\"test-hold\"}");
        RawHttp.Response busy = post("{\"experiment\":\"test-hold\"}");
        assertEquals(429, busy.status());
        assertTrue(JSON.readTree(busy.body()).get("error").asText().contains("limit"));
        assertEquals(
                202, RawHttp.postJson(lab.port(), first.get("cancel").asText(), "", "{}").status());
        List<Sse.Message> events = Sse.readAll(lab.port(), first.get("events").asText());
        assertEquals("cancelled", events.get(events.size() - 1).json().get("outcome").asText());
        assertEquals(201, post("{\"experiment\":\"test-hold\"}").status());
    }

    @Test
    void aRunThatOutlivesItsLifetimeIsStopped() throws Exception {
        JsonNode run = started("{\"experiment\":\"test-hold\"}");
        List<Sse.Message> events = Sse.readAll(lab.port(), run.get("events").asText());
        assertEquals("cancelled", events.get(events.size() - 1).json().get("outcome").asText());
        assertTrue(events.stream().anyMatch(m -> m.data().contains("time limit")));
    }

    @Test
    void closingTheStreamStopsTheRun() throws Exception {
        JsonNode run = started("{\"experiment\":\"test-hold\"}");
        String id = run.get("id").asText();
        Sse.readUntil(lab.port(), run.get("events").asText(), m -> m.name().equals("fact"));
        Wait.until("the run stopped", () -> lab.runs().find(id).orElseThrow().outcome() != null);
        assertEquals(
                dev.loopbacklab.lesson.Outcome.CANCELLED,
                lab.runs().find(id).orElseThrow().outcome());
    }
}
