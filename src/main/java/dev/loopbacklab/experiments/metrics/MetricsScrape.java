package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.LoopbackClient;
import dev.loopbacklab.net.Numbers;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code metrics-scrape}: starts a server that measures itself, sends it a number of requests over
 * loopback, then scrapes its {@code /metrics} the way Prometheus would and shows what came back:
 * real exposition lines, the counter, and the latency histogram as a chart.
 */
final class MetricsScrape extends AbstractExperiment {
    static final String LISTENING = "server listening on";
    static final String SENT = "requests sent";
    static final String COUNTED = "counter on /metrics";
    static final String LINES = "What GET /metrics answered";
    static final String CHART = "How long the server took to answer";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Sending stops after this long, however many requests are left. */
    static final Duration BUDGET = Duration.ofSeconds(20);

    MetricsScrape() {
        super(
                "metrics-scrape",
                "Scrape a server's /metrics",
                "Starts a small server on 127.0.0.1 that counts and times its own requests, sends it"
                        + " requests over loopback, then reads its /metrics as Prometheus would.",
                ParamSpec.integer("requests", 200, 1, 2000, "how many GET /work requests to send"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int requests = (int) params.integer("requests");
        try (MetricsServer server = MetricsServer.start(scrape -> {})) {
            report.closeOnCancel(server);
            report.fact(
                    LISTENING,
                    "127.0.0.1:" + server.port(),
                    "",
                    "port 0 asked the OS for any free port");
            try (LoopbackClient client = LoopbackClient.open(TIMEOUT)) {
                int sent = send(client, server, requests, report);
                HttpResponse<String> metrics =
                        client.send(get(server, "/metrics"), HttpResponse.BodyHandlers.ofString());
                show(report, server, sent, metrics);
            }
        }
    }

    private static int send(
            LoopbackClient client, MetricsServer server, int requests, Report report)
            throws Exception {
        HttpRequest work = get(server, "/work");
        // its own budget, and never past the run's deadline: what was sent by then is shown
        Deadline deadline = report.deadline().within(BUDGET);
        long start = System.nanoTime();
        int step = Math.max(1, requests / 100);
        int sent = 0;
        while (sent < requests && !deadline.passed()) {
            report.checkCancelled();
            client.send(work, HttpResponse.BodyHandlers.discarding());
            sent++;
            if (sent % step == 0 || sent == requests) {
                report.progress(sent, requests, "GET /work");
            }
        }
        report.fact(
                SENT,
                sent,
                "",
                sent < requests
                        ? "stopped after "
                                + Numbers.waited((System.nanoTime() - start) / 1_000_000)
                                + ", before all "
                                + requests
                        : "GET /work, one by one");
        return sent;
    }

    private static HttpRequest get(MetricsServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(TIMEOUT)
                .header(MetricsServer.SELF_HEADER, server.selfToken())
                .build();
    }

    private static void show(
            Report report, MetricsServer server, int sent, HttpResponse<String> metrics) {
        report.fact(
                "GET /metrics",
                metrics.statusCode() + ", " + metrics.body().length() + " bytes",
                "",
                metrics.headers().firstValue("Content-Type").orElse("no Content-Type"));
        List<List<String>> rows = new ArrayList<>();
        String counted = "missing";
        for (String line : metrics.body().split("\n")) {
            boolean work = line.contains("route=\"/work\"");
            if (line.startsWith(MetricsServer.REQUESTS + "{") && work) {
                counted = line.substring(line.lastIndexOf(' ') + 1);
            }
            if (line.startsWith("# ") && line.contains(" demo_") || work) {
                rows.add(List.of(line));
            }
        }
        report.table(LINES + " (the lines about GET /work)", List.of("exposition line"), rows);
        boolean same = !counted.equals("missing") && Double.parseDouble(counted) == sent;
        report.fact(
                COUNTED,
                counted,
                "",
                same
                        ? "the same as the " + sent + " GET /work sent"
                        : "not the " + sent + " GET /work sent");
        report.emit(chart(server));
        report.say(
                "Prometheus reads exactly this text on every scrape: one line per series, a name,"
                        + " labels in braces, a value. The _bucket lines count requests at most as slow as their le"
                        + " (\"less or equal\") bound, so each includes the ones before; the chart shows each"
                        + " bucket on its own.");
    }

    /** The /work latency histogram, one bar per bucket (not cumulative, unlike the exposition). */
    static Event.Chart chart(MetricsServer server) {
        CountAtBucket[] buckets = server.timer("/work").takeSnapshot().histogramCounts();
        List<String> labels = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        double below = 0;
        for (CountAtBucket bucket : buckets) {
            labels.add("≤ " + label(bucket.bucket(TimeUnit.MICROSECONDS)));
            counts.add(bucket.count() - below);
            below = bucket.count();
        }
        labels.add("slower");
        counts.add(server.timer("/work").count() - below);
        int most = counts.indexOf(counts.stream().max(Double::compare).orElse(0.0));
        List<Event.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            bars.add(new Event.Bar(labels.get(i), counts.get(i), i == most));
        }
        return new Event.Chart(
                CHART + " (GET /work)",
                "latency bucket",
                "requests",
                bars,
                "highlighted: the most common bucket");
    }

    private static String label(double micros) {
        return micros < 1000
                ? Numbers.decimal(micros, 0) + " µs"
                : Numbers.decimal(micros / 1000, 0) + " ms";
    }
}
