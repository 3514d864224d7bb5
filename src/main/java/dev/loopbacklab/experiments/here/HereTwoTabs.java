package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code here-two-tabs}: the learner opens the same address twice (two curls, two browser tabs);
 * the check passes once two connections with different source ports have asked for it.
 */
final class HereTwoTabs implements Check {
    static final String LISTENING = "listening on";
    static final String CURL = "curl";

    /** Put on the queue when the run is stopped, so the wait ends at once. */
    private static final TinyHttp.Arrival STOP = new TinyHttp.Arrival(null, null, "", "", "", 0);

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "here-two-tabs",
                    "Open the same address twice",
                    "Starts a tiny web server on 127.0.0.1 and waits until you have opened its address"
                            + " twice (curl twice, or two browser tabs); then shows both connections' 4-tuples.",
                    ParamSpec.integer(
                            "wait-seconds",
                            120,
                            1,
                            300,
                            "how long to wait for your two connections"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int waitSeconds = (int) params.integer("wait-seconds");
        BlockingQueue<TinyHttp.Arrival> arrived = new LinkedBlockingQueue<>();
        try (TinyHttp server = TinyHttp.start(IpLiteral.loopbackV4(), arrived::add)) {
            report.closeOnCancel(server);
            report.closeOnCancel(() -> arrived.add(STOP));
            announce(report, server, waitSeconds);
            EphemeralRange range = EphemeralRange.detect();
            List<TinyHttp.Arrival> answered = new ArrayList<>();
            List<String> others = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            int n = 0;
            while (true) {
                TinyHttp.Arrival arrival =
                        arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                report.checkCancelled();
                if (arrival == null) {
                    timedOut(report, server, waitSeconds, answered, others);
                    return;
                }
                n++;
                String line = show(report, arrival, range, n);
                if (arrival.status() != 200) {
                    others.add(line);
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
        }
    }

    private static void announce(Report report, TinyHttp server, int waitSeconds) {
        report.say(
                "A tiny web server is listening. Within "
                        + waitSeconds
                        + " seconds, open its"
                        + " address twice: run curl twice in a terminal, or open the address in two browser tabs.");
        report.fact(LISTENING, server.endpoint(), "", "waiting " + waitSeconds + " s");
        report.fact(CURL, "curl " + server.url());
        report.fact("browser", server.url());
    }

    private static String show(
            Report report, TinyHttp.Arrival arrival, EphemeralRange range, int n) {
        String what =
                "GET".equals(arrival.method()) && arrival.status() == 200
                        ? "answered"
                        : arrival.method() + " " + arrival.path() + " → " + arrival.status();
        String note =
                "source port "
                        + arrival.sourcePort()
                        + ", "
                        + (range.contains(arrival.sourcePort()) ? "inside" : "outside")
                        + " this OS's ephemeral"
                        + " range "
                        + range.describe()
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
            Report report,
            TinyHttp server,
            int waitSeconds,
            List<TinyHttp.Arrival> answered,
            List<String> others) {
        List<String> details = new ArrayList<>();
        String summary;
        if (answered.isEmpty()) {
            summary = "No connection asked for " + server.url() + " within " + waitSeconds + " s.";
        } else {
            summary =
                    "Only one connection arrived within "
                            + waitSeconds
                            + " s (from source port "
                            + answered.get(0).sourcePort()
                            + "); the check needs two.";
            details.add(
                    "Open the address a second time while the check waits: a second curl, or a"
                            + " second tab.");
        }
        details.add(
                "The server on "
                        + server.endpoint()
                        + " is closed now; run the check again and"
                        + " open "
                        + server.url()
                        + " twice while it waits.");
        details.add(
                "Use 127.0.0.1 and the port shown; another port or address reaches nothing here.");
        if (!others.isEmpty()) {
            details.add("Requests that arrived but did not count:");
            details.addAll(others);
        }
        report.verdict(false, summary, details.toArray(String[]::new));
    }
}
