package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.HelloApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code api-curl}: starts the hello API and waits for the learner's own curl (or PowerShell, or
 * browser); every request that arrives is shown live with its source port.
 */
final class ApiCurl implements Check {
    static final String LISTENING = "API listening on";
    static final String CURL = "curl";

    /** Put on the queue when the run is stopped, so the wait ends at once. */
    private static final HelloApi.Request STOP = new HelloApi.Request("", "", "", "", 0, 0);

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "api-curl",
                    "Call the API with your own curl",
                    "Starts the hello API on 127.0.0.1 and waits for you to call GET /hello with curl,"
                            + " PowerShell or a browser; shows each request as it arrives, with its source port.",
                    ParamSpec.integer(
                            "wait-seconds", 60, 1, 120, "how long to wait for your request"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int waitSeconds = (int) params.integer("wait-seconds");
        BlockingQueue<HelloApi.Request> arrived = new LinkedBlockingQueue<>();
        try (HelloApi api = HelloApi.start("127.0.0.1", 0, arrived::add)) {
            report.closeOnCancel(api);
            report.closeOnCancel(() -> arrived.add(STOP));
            announce(report, api, waitSeconds);
            EphemeralRange range = EphemeralRange.detect();
            List<String> others = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (true) {
                HelloApi.Request request =
                        arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                report.checkCancelled();
                if (request == null) {
                    timedOut(report, api, waitSeconds, others);
                    return;
                }
                String line = show(report, request, range, others.size() + 1);
                if (request.status() == 200) {
                    report.verdict(
                            true,
                            "Your request arrived: GET /hello from 127.0.0.1:"
                                    + request.sourcePort()
                                    + ".",
                            line,
                            "The API answered it with that same source port in \"you\".",
                            "Run curl again: a new connection, so a new source port.");
                    return;
                }
                others.add(line);
            }
        }
    }

    private static void announce(Report report, HelloApi api, int waitSeconds) {
        String endpoint = "127.0.0.1:" + api.port();
        report.say(
                "The API is listening. Within "
                        + waitSeconds
                        + " seconds, call GET /hello from a"
                        + " terminal or a browser; each request shows up here as it arrives.");
        report.fact(LISTENING, endpoint, "", "waiting " + waitSeconds + " s");
        report.fact(CURL, "curl " + api.url());
        report.fact("PowerShell", "Invoke-RestMethod " + api.url());
        report.fact("browser", api.url());
    }

    private static String show(
            Report report, HelloApi.Request request, EphemeralRange range, int n) {
        String what = request.method() + " " + request.path() + " → " + request.status();
        String agent =
                request.userAgent().isEmpty()
                        ? "no User-Agent"
                        : "User-Agent " + request.userAgent();
        String note =
                "from source port "
                        + request.sourcePort()
                        + " ("
                        + range.describe(request.sourcePort())
                        + "), "
                        + agent
                        + (request.status() == 403 ? ", refused: Host was " + request.host() : "");
        report.fact("request " + n, what, "", note);
        String line = what + ", " + note;
        return line;
    }

    private static void timedOut(
            Report report, HelloApi api, int waitSeconds, List<String> others) {
        List<String> details = new ArrayList<>();
        details.add(
                "The API on 127.0.0.1:"
                        + api.port()
                        + " is closed now; run the check again and"
                        + " call it while it waits: curl "
                        + api.url());
        details.add("Use 127.0.0.1 as shown; a different port or address reaches nothing here.");
        if (!others.isEmpty()) {
            details.add("Requests that did arrive, but were not an answered GET /hello:");
            details.addAll(others);
        }
        report.verdict(
                false,
                "No GET /hello reached the API within " + waitSeconds + " s.",
                details.toArray(String[]::new));
    }
}
