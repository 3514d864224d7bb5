package dev.loopbacklab.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The lab's metrics as a Micrometer registry: function counters and a gauge that read {@link
 * LabMetrics} at scrape time, so nothing is recorded twice. Built on the first {@code GET /metrics}
 * only (see {@link LabMetrics}).
 */
final class LabPrometheus {
    /** The Content-Type of the Prometheus text format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    LabPrometheus(LabMetrics metrics) {
        for (String family : LabMetrics.FAMILIES) {
            for (String status : LabMetrics.STATUSES) {
                FunctionCounter.builder(
                                "loopbacklab.http.requests",
                                metrics,
                                m -> m.requests(family, status))
                        .description("requests the lab answered, by route family and status class")
                        .tags("family", family, "status", status)
                        .register(registry);
            }
        }
        Gauge.builder("loopbacklab.runs.active", metrics, LabMetrics::activeRuns)
                .description("experiments and checks running now")
                .register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}
