package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code metrics-yours}: starts the measuring server and waits until the learner scrapes its {@code
 * /metrics} with their own curl (or browser, or Prometheus): another program talking to it over
 * loopback. The lab's own requests do not count.
 */
final class MetricsYours implements Check {
    static final String LISTENING = "metrics on";
    static final String CURL = "curl";

    /** Put on the queue when the run is stopped, so the wait ends at once. */
    private static final MetricsServer.Scrape STOP = new MetricsServer.Scrape(0, "", "", 0, true);

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "metrics-yours",
                    "Scrape the metrics with your own curl",
                    "Starts a server that measures itself on 127.0.0.1 and waits for you to read its"
                            + " /metrics with curl, a browser or Prometheus; names your client's source port.",
                    ParamSpec.integer(
                            "wait-seconds", 120, 1, 300, "how long to wait for your scrape"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int waitSeconds = (int) params.integer("wait-seconds");
        BlockingQueue<MetricsServer.Scrape> arrived = new LinkedBlockingQueue<>();
        try (MetricsServer server = MetricsServer.start(arrived::add)) {
            report.closeOnCancel(server);
            report.closeOnCancel(() -> arrived.add(STOP));
            report.say(
                    "The server is listening and counting. Within "
                            + waitSeconds
                            + " seconds, read"
                            + " its metrics from a terminal (or open the address in a browser).");
            report.fact(
                    LISTENING, "127.0.0.1:" + server.port(), "", "waiting " + waitSeconds + " s");
            report.fact(CURL, "curl " + server.url("/metrics"));
            List<String> others = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (true) {
                MetricsServer.Scrape scrape =
                        arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                report.checkCancelled();
                if (scrape == null) {
                    timedOut(report, server, waitSeconds, others);
                    return;
                }
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
                report.fact("refused scrape " + (others.size() + 1), line);
                others.add(line);
            }
        }
    }

    private static void timedOut(
            Report report, MetricsServer server, int waitSeconds, List<String> others) {
        List<String> details = new ArrayList<>();
        details.add(
                "The server on 127.0.0.1:"
                        + server.port()
                        + " is closed now; run the check again"
                        + " and, while it waits, run: curl "
                        + server.url("/metrics"));
        details.add("The port is new on every run: copy it from this run, not an earlier one.");
        if (!others.isEmpty()) {
            details.add("Requests that did arrive, but were not answered with the metrics:");
            details.addAll(others);
        }
        report.verdict(
                false,
                "No scrape of /metrics arrived within " + waitSeconds + " s.",
                details.toArray(String[]::new));
    }
}
