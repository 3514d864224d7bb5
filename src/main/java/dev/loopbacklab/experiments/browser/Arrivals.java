package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reports requests as they arrive, until the page says it is done, time is up or the run stops. */
final class Arrivals {
    private Arrivals() {}

    static List<Arrival> watch(BlockingQueue<Arrival> queue, long seconds, Report report)
            throws InterruptedException {
        List<Arrival> seen = new ArrayList<>();
        // wait-seconds, and never past the run's deadline: the table of what arrived still shows
        Deadline deadline = report.deadline().within(Duration.ofSeconds(seconds));
        while (!deadline.passed()) {
            report.checkCancelled();
            Arrival arrival = queue.poll(100, TimeUnit.MILLISECONDS);
            if (arrival == SecondOrigin.DONE) {
                break;
            }
            if (arrival != null) {
                seen.add(arrival);
                report.fact(
                        "arrived",
                        arrival.summary(),
                        "",
                        "Host "
                                + arrival.host()
                                + (arrival.origin().isEmpty()
                                        ? ", no Origin"
                                        : ", Origin " + arrival.origin())
                                + (arrival.cookie().isEmpty() ? "" : ", Cookie " + arrival.cookie())
                                + "; answered "
                                + arrival.status());
            }
        }
        return seen;
    }

    static void table(String caption, List<Arrival> seen, Report report) {
        if (seen.isEmpty()) {
            report.warn(
                    "Nothing arrived. The requests come from the lesson page's script in your"
                            + " browser: run this on the lesson page, not from the command line.");
            return;
        }
        report.table(caption, Arrival.HEADERS, seen.stream().map(Arrival::row).toList());
    }
}
