package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.AbstractWaitingCheck;
import dev.loopbacklab.lesson.LearnerWait;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.HelloApi;
import dev.loopbacklab.net.Platform;
import java.util.List;
import java.util.Map;

/**
 * {@code api-curl}: starts the hello API and waits for the learner's own curl (or PowerShell, or
 * browser); every request that arrives is shown live with its source port.
 */
final class ApiCurl extends AbstractWaitingCheck<HelloApi.Request> {
    ApiCurl() {
        super(
                "api-curl",
                "Call the API with your own curl",
                "Starts the hello API on 127.0.0.1 and waits for you to call GET /hello with curl,"
                        + " PowerShell or a browser; shows each request as it arrives, with its source port.",
                LearnerWait.seconds(60, 120, "your request"));
    }

    @Override
    protected void await(LearnerWait<HelloApi.Request> wait, Report report) throws Exception {
        try (HelloApi api = wait.hold(HelloApi.start("127.0.0.1", 0, wait::arrived))) {
            wait.announce(
                    "The API is listening.",
                    "call GET /hello from a terminal or a browser; each request shows up here as"
                            + " it arrives.",
                    "127.0.0.1:" + api.port(),
                    Map.entry("curl", Platform.current().curlCommand(api.url())),
                    Map.entry("PowerShell", "Invoke-RestMethod " + api.url()),
                    Map.entry("browser", api.url()));
            EphemeralRange range = EphemeralRange.detect();
            int n = 0;
            for (var next = wait.next(); next.isPresent(); next = wait.next()) {
                HelloApi.Request request = next.get();
                String line = show(report, request, range, ++n);
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
                wait.ignored(line);
            }
            wait.timedOut(
                    "No GET /hello reached the API " + wait.within() + ".",
                    "The API",
                    "call it while it waits: " + Platform.current().curlCommand(api.url()),
                    List.of(
                            "Use 127.0.0.1 as shown; a different port or address reaches nothing"
                                    + " here."));
        }
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
        return what + ", " + note;
    }
}
