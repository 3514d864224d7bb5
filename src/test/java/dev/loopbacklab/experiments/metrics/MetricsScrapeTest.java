package dev.loopbacklab.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.NothingListens;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MetricsScrapeTest {
    private final MetricsScrape experiment = new MetricsScrape();

    private RecordingReport run(String requests) {
        return RecordingReport.completed(experiment, Map.of("requests", requests));
    }

    @Test
    void theScrapedCounterMatchesTheRequestsSent() {
        RecordingReport report = run("57");
        assertEquals("57", report.fact(MetricsScrape.SENT).value());
        assertEquals("57.0", report.fact(MetricsScrape.COUNTED).value());
        assertEquals(
                "the same as the 57 GET /work sent", report.fact(MetricsScrape.COUNTED).note());
        assertTrue(report.fact("GET /metrics").value().startsWith("200, "));
        assertEquals(MetricsServer.CONTENT_TYPE, report.fact("GET /metrics").note());
    }

    @Test
    void showsRealExpositionLinesOfTheCounterAndTheHistogram() {
        List<String> lines =
                run("20").table(MetricsScrape.LINES).rows().stream().map(r -> r.get(0)).toList();
        assertTrue(lines.contains("# TYPE demo_requests_total counter"), lines.toString());
        assertTrue(lines.contains("demo_requests_total{route=\"/work\"} 20.0"), lines.toString());
        assertTrue(
                lines.contains("demo_request_duration_seconds_count{route=\"/work\"} 20"),
                lines.toString());
        assertTrue(
                lines.contains(MetricsServer.BUCKETS + "{route=\"/work\",le=\"+Inf\"} 20"),
                lines.toString());
    }

    @Test
    void chartsEveryBucketOnceAndTheBarsAddUpToTheRequests() {
        Event.Chart chart = run("40").all(Event.Chart.class).get(0);
        assertEquals(MetricsServer.BOUNDS.size() + 1, chart.bars().size());
        assertEquals("≤ 50 µs", chart.bars().get(0).label());
        assertEquals("≤ 100 ms", chart.bars().get(MetricsServer.BOUNDS.size() - 1).label());
        assertEquals(40.0, chart.bars().stream().mapToDouble(Event.Bar::value).sum());
        assertEquals(
                1, chart.bars().stream().filter(Event.Bar::highlight).count(), chart.toString());
    }

    @Test
    void refusesMoreRequestsThanItsLimit() {
        Executable parse = () -> Params.parse(experiment.params(), Map.of("requests", "2001"));
        org.junit.jupiter.api.Assertions.assertThrows(ParamException.class, parse);
    }

    @Test
    void stopEndsTheRunAndClosesTheServer() throws Exception {
        LiveReport report = new LiveReport();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Params params = Params.parse(experiment.params(), Map.of("requests", "2000"));
            Future<Outcome> outcome = runner.submit(() -> Runner.run(experiment, params, report));
            String endpoint = report.awaitFact(MetricsScrape.LISTENING);
            report.cancel();
            assertEquals(Outcome.CANCELLED, outcome.get());
            NothingListens.at(Integer.parseInt(endpoint.substring("127.0.0.1:".length())));
        } finally {
            runner.shutdownNow();
            assertTrue(runner.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
