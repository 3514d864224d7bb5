package dev.loopbacklab.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LabMetricsTest {
    private final AtomicInteger active = new AtomicInteger();
    private final LabMetrics metrics = new LabMetrics(active::get);

    @Test
    void countsEachRequestUnderItsRouteFamilyAndStatusClass() {
        metrics.count("/", 200);
        metrics.count("/lessons/monitoring", 200);
        metrics.count("/lessons/nothing", 404);
        metrics.count("/assets/lab.css", 304);
        metrics.count("/favicon.ico", 200);
        metrics.count("/api/runs", 201);
        metrics.count("/api/runs", 503);
        metrics.count("/wp-admin", 404);
        assertEquals(1, metrics.requests("index", "2xx"));
        assertEquals(1, metrics.requests("lesson", "2xx"));
        assertEquals(1, metrics.requests("lesson", "4xx"));
        assertEquals(1, metrics.requests("asset", "3xx"));
        assertEquals(1, metrics.requests("asset", "2xx"));
        assertEquals(1, metrics.requests("api", "2xx"));
        assertEquals(1, metrics.requests("api", "5xx"));
        assertEquals(1, metrics.requests("other", "4xx"));
        assertEquals(0, metrics.requests("metrics", "2xx"));
    }

    @Test
    void theScrapeReadsTheCountersAndActiveRunsAsTheyAreNow() {
        metrics.count("/", 200);
        assertTrue(
                metrics.scrape()
                        .contains(
                                "loopbacklab_http_requests_total{family=\"index\",status=\"2xx\"} 1.0\n"));
        metrics.count("/", 200);
        active.set(3);
        String text = metrics.scrape();
        assertTrue(
                text.contains(
                        "loopbacklab_http_requests_total{family=\"index\",status=\"2xx\"} 2.0\n"),
                text);
        assertTrue(text.contains("loopbacklab_runs_active 3.0\n"), text);
        assertTrue(text.contains("# TYPE loopbacklab_http_requests_total counter\n"), text);
    }
}
