package dev.loopbacklab.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.security.SecurityHeadersTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab's own {@code GET /metrics}: Prometheus text, guarded like every route, read-only. */
class MetricsRouteTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);

    private static RawHttp.Response metrics() throws Exception {
        return RawHttp.get(lab.port(), "/metrics", "localhost:" + lab.port());
    }

    /** The value of one series, such as {@code loopbacklab_runs_active}, in the exposition text. */
    static double value(String text, String series) {
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + text));
    }

    private static String requests(String family, String status) {
        return "loopbacklab_http_requests_total{family=\""
                + family
                + "\",status=\""
                + status
                + "\"}";
    }

    @Test
    void answersInThePrometheusTextFormat() throws Exception {
        RawHttp.Response response = metrics();
        assertEquals(200, response.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.header("Content-Type"));
        assertTrue(
                response.body().contains("# TYPE loopbacklab_http_requests_total counter"),
                response.body());
        assertTrue(
                response.body().contains("# TYPE loopbacklab_runs_active gauge"), response.body());
        SecurityHeadersTest.assertStrict("/metrics", response);
    }

    @Test
    void itsCountersMoveWithTheRequestsTheLabAnswers() throws Exception {
        String before = metrics().body();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, RawHttp.get(lab.port(), "/", "127.0.0.1:" + lab.port()).status());
        }
        assertEquals(404, RawHttp.get(lab.port(), "/nowhere", "localhost").status());
        assertEquals(403, RawHttp.get(lab.port(), "/", "evil.example").status());
        String after = metrics().body();
        assertEquals(
                3,
                value(after, requests("index", "2xx")) - value(before, requests("index", "2xx")));
        assertEquals(
                1,
                value(after, requests("other", "4xx")) - value(before, requests("other", "4xx")));
        assertEquals(
                1,
                value(after, requests("index", "4xx")) - value(before, requests("index", "4xx")));
        // The scrape before this one is counted too: a scrape changes nothing but its own counter.
        assertEquals(
                1,
                value(after, requests("metrics", "2xx"))
                        - value(before, requests("metrics", "2xx")));
    }

    @Test
    void showsTheRunsGoingNow() throws Exception {
        try (LabServer own = TestLab.start()) {
            String host = "localhost:" + own.port();
            assertEquals(
                    0,
                    value(
                            RawHttp.get(own.port(), "/metrics", host).body(),
                            "loopbacklab_runs_active"));
            RawHttp.Response started =
                    RawHttp.postJson(own.port(), "/api/runs", "", "{\"experiment\":\"test-hold\"}");
            assertEquals(201, started.status(), started.body());
            assertEquals(
                    1,
                    value(
                            RawHttp.get(own.port(), "/metrics", host).body(),
                            "loopbacklab_runs_active"));
        }
    }

    @Test
    void refusesAForeignHost() throws Exception {
        RawHttp.Response response = RawHttp.get(lab.port(), "/metrics", "evil.example");
        assertEquals(403, response.status());
        assertTrue(!response.body().contains("loopbacklab_"), response.body());
    }

    @Test
    void allowsOnlyGet() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            RawHttp.Response response =
                    RawHttp.send(
                            lab.port(),
                            method
                                    + " /metrics HTTP/1.1\nHost: localhost:"
                                    + lab.port()
                                    + "\nContent-Length: 0\nConnection: close\n\n");
            assertEquals(405, response.status(), method);
            assertEquals("GET", response.header("Allow"), method);
        }
    }

    @Test
    void aRoomLabWantsItsTokenForMetricsToo() throws Exception {
        try (LabServer room = TestLab.room()) {
            String host = "lab.test:" + room.port();
            assertEquals(401, RawHttp.get(room.port(), "/metrics", host).status());
            RawHttp.Response admitted = TestLab.visit(room, "/metrics");
            assertEquals(200, admitted.status(), admitted.body());
            assertEquals(1, value(admitted.body(), requests("metrics", "4xx")));
        }
    }
}
