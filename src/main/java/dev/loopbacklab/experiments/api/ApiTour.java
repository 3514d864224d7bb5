package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.HelloApi;
import dev.loopbacklab.net.LoopbackClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code api-tour}: starts the hello API on 127.0.0.1:0 and calls it a few times with the JDK's
 * HttpClient, showing each answer and the source port the server saw.
 */
final class ApiTour extends AbstractExperiment {
    static final String LISTENING = "API listening on";
    static final String CONNECTIONS = "TCP connections used";
    static final String TABLE = "Requests to GET /hello";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    ApiTour() {
        super(
                "api-tour",
                "A JSON API on an ephemeral port",
                "Starts a tiny JSON API on 127.0.0.1 (port chosen by the OS) and calls GET /hello a few"
                        + " times with Java's HttpClient; the API answers with the source port it saw.",
                ParamSpec.integer("requests", 5, 1, 100, "how many requests to send"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int requests = (int) params.integer("requests");
        List<HelloApi.Request> seen = new CopyOnWriteArrayList<>();
        try (HelloApi api = HelloApi.start("127.0.0.1", 0, seen::add)) {
            report.closeOnCancel(api);
            report.fact(
                    LISTENING,
                    "127.0.0.1:" + api.port(),
                    "",
                    "port 0 asked the OS for any free port");
            try (LoopbackClient client = LoopbackClient.open(TIMEOUT)) {
                List<List<String>> rows = new ArrayList<>();
                HttpRequest request =
                        HttpRequest.newBuilder(URI.create(api.url())).timeout(TIMEOUT).build();
                // each request TIMEOUT at most; none starts once the run's deadline has passed
                for (int i = 1; i <= requests && !report.deadline().passed(); i++) {
                    report.checkCancelled();
                    HttpResponse<String> response =
                            client.send(request, HttpResponse.BodyHandlers.ofString());
                    rows.add(
                            List.of(
                                    Integer.toString(i),
                                    Integer.toString(response.statusCode()),
                                    response.body()));
                }
                awaitListener(seen, rows.size());
                summarize(report, rows, seen);
            }
        }
    }

    private static void summarize(
            Report report, List<List<String>> rows, List<HelloApi.Request> seen) {
        EphemeralRange range = EphemeralRange.detect();
        Set<Integer> ports = new LinkedHashSet<>();
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean known = i < seen.size();
            boolean fresh = known && ports.add(seen.get(i).sourcePort());
            List<String> row = new ArrayList<>(rows.get(i));
            row.add(known ? Integer.toString(seen.get(i).sourcePort()) : "?");
            row.add(!known ? "?" : fresh ? "new" : "reused");
            table.add(row);
        }
        report.table(
                TABLE,
                List.of("#", "status", "body", "source port (as the server saw it)", "connection"),
                table);
        report.fact(
                CONNECTIONS,
                ports.size(),
                "",
                ports.size() == 1
                        ? "HTTP/1.1 keep-alive: every request went over the same connection"
                        : "more than one: the client opened a new connection when the old one was not free");
        for (int port : ports) {
            report.fact("source port " + port, range.describe(port));
        }
        report.say(
                "HttpClient keeps an HTTP/1.1 connection open after a response (keep-alive) and"
                        + " sends the next request over it, so the server sees the same source port again. A new"
                        + " connection, such as each run of curl, gets a new ephemeral port from the OS.");
    }

    /** The API hears of a request just after answering it, so the last one may lag a moment. */
    private static void awaitListener(List<HelloApi.Request> seen, int requests)
            throws InterruptedException {
        for (int i = 0; i < 200 && seen.size() < requests; i++) {
            Thread.sleep(5);
        }
    }
}
