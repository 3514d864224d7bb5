package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.util.List;

/**
 * {@code browser-rebinding}: DNS rebinding in miniature. A deliberately unguarded toy server
 * listens on 127.0.0.1 for this run only; the page links to it, and to this lab, under a name that
 * is not localhost ({@code rebind.localhost}), standing in for an attacker's name that now points
 * at 127.0.0.1. What arrived, with its Host header, is listed.
 */
public final class Rebinding extends AbstractExperiment {
    public Rebinding() {
        super(
                "browser-rebinding",
                "A rebound name against an unguarded toy and the lab's guard",
                "Starts an unguarded toy server on 127.0.0.1 for this run only. Open it, and this"
                        + " lab, through the name rebind.localhost with the links that appear: the"
                        + " toy answers any Host, the lab refuses.",
                ParamSpec.integer(
                        "wait-seconds",
                        25,
                        1,
                        25,
                        "how long the toy server lives (it stops when the run ends)"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        try (ToyServer toy = ToyServer.start()) {
            report.closeOnCancel(toy);
            report.fact(
                    "toy server",
                    "http://rebind.localhost:" + toy.port() + "/",
                    "",
                    "bound to 127.0.0.1 only, no Host check, alive for this run only");
            List<Arrival> seen =
                    Arrivals.watch(toy.arrivals(), params.integer("wait-seconds"), report);
            Arrivals.table("What arrived at the toy server", seen, report);
            if (seen.stream()
                    .anyMatch(
                            a ->
                                    !a.host().startsWith("localhost")
                                            && !a.host().startsWith("127.0.0.1"))) {
                report.say(
                        "The toy answered a request addressed to another name, and its page (with"
                                + " the secret) now belongs to that name's origin: a script from that"
                                + " origin could read it. The lab refuses the same request, because it"
                                + " checks Host first.");
            }
        }
    }
}
