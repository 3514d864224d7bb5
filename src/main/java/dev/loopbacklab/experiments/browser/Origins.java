package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.util.List;

/**
 * {@code browser-origins}: opens the lab's second origin for the length of the run and lists every
 * request that arrives there. The lesson page's script ({@code site/browser-lab.js}) sends them and
 * shows, beside this list, what the browser let the page read.
 */
public final class Origins extends AbstractExperiment {
    public Origins() {
        super(
                "browser-origins",
                "Same origin, cross origin, CORS: measured in your browser",
                "Opens a second origin of the lab on another port for a few seconds; this page's"
                        + " script sends it requests with fetch(), and both sides say what happened:"
                        + " what arrived, and what your browser let the page read.",
                ParamSpec.integer(
                        "wait-seconds",
                        20,
                        1,
                        25,
                        "how long the second origin waits for the page's requests"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        try (SecondOrigin second = SecondOrigin.start()) {
            report.closeOnCancel(second);
            report.fact(
                    "second origin",
                    "http://127.0.0.1:" + second.port(),
                    "",
                    "another port, so another origin; it answers only Host 127.0.0.1 or localhost"
                            + " with its port, and grants CORS to loopback origins by name");
            List<Arrival> seen =
                    Arrivals.watch(second.arrivals(), params.integer("wait-seconds"), report);
            Arrivals.table("What arrived at the second origin", seen, report);
            long preflights = seen.stream().filter(Arrival::isPreflight).count();
            if (!seen.isEmpty()) {
                report.say(
                        preflights > 0
                                ? "Your browser sent "
                                        + preflights
                                        + " preflight OPTIONS request(s) before the PUT with its X-Lab"
                                        + " header: the page's code never asked for them. Simple"
                                        + " requests (a GET without custom headers) went straight"
                                        + " through, and arrived even when the page could not read the"
                                        + " answer."
                                : "No preflight arrived: the page's PUT with a custom header was"
                                        + " either not sent or not preflighted by this browser.");
            }
        }
    }
}
