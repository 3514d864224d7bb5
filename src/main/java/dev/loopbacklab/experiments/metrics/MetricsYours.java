package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.lesson.AbstractWaitingCheck;
import dev.loopbacklab.lesson.LearnerWait;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Platform;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics-yours}: starts the measuring server and waits until the learner scrapes its {@code
 * /metrics} with their own curl (or browser, or Prometheus): another program talking to it over
 * loopback. The lab's own requests do not count.
 */
final class MetricsYours extends AbstractWaitingCheck<MetricsServer.Scrape> {
    MetricsYours() {
        super(
                "metrics-yours",
                "Scrape the metrics with your own curl",
                "Starts a server that measures itself on 127.0.0.1 and waits for you to read its"
                        + " /metrics with curl, a browser or Prometheus; names your client's source port.",
                LearnerWait.seconds(120, 300, "your scrape"));
    }

    @Override
    protected void await(LearnerWait<MetricsServer.Scrape> wait, Report report) throws Exception {
        try (MetricsServer server = wait.hold(MetricsServer.start(wait::arrived))) {
            wait.announce(
                    "The server is listening and counting.",
                    "read its metrics from a terminal (or open the address in a browser).",
                    "127.0.0.1:" + server.port(),
                    Map.entry("curl", Platform.current().curlCommand(server.url("/metrics"))));
            for (var next = wait.next(); next.isPresent(); next = wait.next()) {
                MetricsServer.Scrape scrape = next.get();
                if (scrape.self()) {
                    continue;
                }
                String agent = scrape.userAgent().isEmpty() ? "no User-Agent" : scrape.userAgent();
                if (scrape.status() == 200) {
                    report.verdict(
                            true,
                            "Your scrape arrived from 127.0.0.1:"
                                    + scrape.sourcePort()
                                    + " ("
                                    + agent
                                    + ").",
                            "Another program read this server's numbers over loopback: that is all a scrape is.",
                            "Prometheus does the same, on a timer: every scrape_interval, one GET /metrics.");
                    return;
                }
                String line =
                        "GET /metrics → "
                                + scrape.status()
                                + " from port "
                                + scrape.sourcePort()
                                + ", "
                                + agent
                                + (scrape.status() == 403
                                        ? ", refused: Host was " + scrape.host()
                                        : "");
                report.fact("refused scrape " + (wait.ignoredCount() + 1), line);
                wait.ignored(line);
            }
            wait.timedOut(
                    "No scrape of /metrics arrived " + wait.within() + ".",
                    "The server",
                    "while it waits, run: "
                            + Platform.current().curlCommand(server.url("/metrics")),
                    List.of(
                            "The port is new on every run: copy it from this run, not an earlier"
                                    + " one."));
        }
    }
}
