package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.AbstractWaitingCheck;
import dev.loopbacklab.lesson.LearnerWait;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code here-two-tabs}: the learner opens the same address twice (two curls, two browser tabs);
 * the check passes once two connections with different source ports have asked for it.
 */
final class HereTwoTabs extends AbstractWaitingCheck<TinyHttp.Arrival> {
    HereTwoTabs() {
        super(
                "here-two-tabs",
                "Open the same address twice",
                "Starts a tiny web server on 127.0.0.1 and waits until you have opened its address"
                        + " twice (curl twice, or two browser tabs); then shows both connections' 4-tuples.",
                LearnerWait.seconds(120, 300, "your two connections"));
    }

    @Override
    protected void await(LearnerWait<TinyHttp.Arrival> wait, Report report) throws Exception {
        try (TinyHttp server = wait.hold(TinyHttp.start(IpLiteral.loopbackV4(), wait::arrived))) {
            wait.announce(
                    "A tiny web server is listening.",
                    "open its address twice: run curl twice in a terminal, or open the address in"
                            + " two browser tabs.",
                    server.endpoint(),
                    Map.entry("curl", "curl " + server.url()),
                    Map.entry("browser", server.url()));
            EphemeralRange range = EphemeralRange.detect();
            List<TinyHttp.Arrival> answered = new ArrayList<>();
            int n = 0;
            for (var next = wait.next(); next.isPresent(); next = wait.next()) {
                TinyHttp.Arrival arrival = next.get();
                n++;
                String line = show(report, arrival, range, n);
                if (arrival.status() != 200) {
                    wait.ignored(line);
                } else if (answered.stream()
                        .anyMatch(a -> a.sourcePort() == arrival.sourcePort())) {
                    report.say(
                            "Connection "
                                    + n
                                    + " came from the same source port as before; open the"
                                    + " address once more.");
                } else {
                    answered.add(arrival);
                    if (answered.size() == 2) {
                        passed(report, answered, server.endpoint());
                        return;
                    }
                }
            }
            timedOut(wait, server, answered);
        }
    }

    static String show(Report report, TinyHttp.Arrival arrival, EphemeralRange range, int n) {
        String what =
                "GET".equals(arrival.method()) && arrival.status() == 200
                        ? "answered"
                        : arrival.method() + " " + arrival.path() + " → " + arrival.status();
        String note =
                "source port "
                        + arrival.sourcePort()
                        + ", "
                        + range.describe(arrival.sourcePort())
                        + "; "
                        + what
                        + (arrival.status() == 403 ? ": Host was " + arrival.host() : "")
                        + (arrival.status() == 404 ? ": not counted, only / is" : "");
        report.fact("connection " + n, arrival.tuple(), "", note);
        return arrival.tuple() + ", " + note;
    }

    private static void passed(Report report, List<TinyHttp.Arrival> answered, String server) {
        TinyHttp.Arrival first = answered.get(0);
        TinyHttp.Arrival second = answered.get(1);
        report.verdict(
                true,
                "Two connections arrived, from source ports "
                        + first.sourcePort()
                        + " and "
                        + second.sourcePort()
                        + ".",
                "first:  " + first.tuple(),
                "second: " + second.tuple(),
                "Same server endpoint "
                        + server
                        + " both times; the source port alone makes the two"
                        + " 4-tuples different.");
    }

    private static void timedOut(
            LearnerWait<TinyHttp.Arrival> wait, TinyHttp server, List<TinyHttp.Arrival> answered) {
        String summary;
        String next = "open " + server.url() + " twice while it waits";
        if (answered.isEmpty()) {
            summary = "No connection asked for " + server.url() + " " + wait.within() + ".";
            next += ".";
        } else {
            summary =
                    "Only one connection arrived "
                            + wait.within()
                            + " (from source port "
                            + answered.get(0).sourcePort()
                            + "); the check needs two.";
            next += ": once, then a second time from a second curl or a second tab.";
        }
        wait.timedOut(
                summary,
                "The server",
                next,
                List.of(
                        "Use 127.0.0.1 and the port shown; another port or address reaches"
                                + " nothing here."));
    }
}
