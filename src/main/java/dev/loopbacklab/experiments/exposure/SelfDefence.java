package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LabCopy;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Attacks a fresh copy of this lab, on 127.0.0.1 and a port the OS picks, with three hand-written
 * requests: a normal one, one with a rebinding page's Host header, and a cross-site POST that tries
 * to start a run. The lab should answer 200, 403 and 403.
 */
public final class SelfDefence extends AbstractExperiment {
    /** The run the cross-site POST asks for; the Origin guard must refuse it before it starts. */
    static final String TARGET_EXPERIMENT = "exposure-matrix";

    private final Supplier<ExperimentRegistry> registry;

    /** Targets a lab serving every experiment of this lab. */
    public SelfDefence() {
        // Looked up only when run: Experiments builds its registry from this very class.
        this(Experiments::registry);
    }

    SelfDefence(Supplier<ExperimentRegistry> registry) {
        super(
                "exposure-self-defence",
                "How this lab defends itself from web pages",
                "Starts a second copy of the lab on 127.0.0.1 and sends it three hand-written requests:"
                        + " a normal one, one a DNS-rebinding page would send, and a cross-site POST.");
        this.registry = registry;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        // said first: a copy of the lab takes a moment to start
        report.say(
                "Starting a fresh copy of this lab on a port the operating system picks, to knock"
                        + " on its door as you, a DNS-rebinding page and a cross-site form would…");
        try (LabCopy lab = LabCopy.start(registry.get())) {
            report.closeOnCancel(lab);
            int port = lab.port();
            report.fact(
                    "target", lab.url(), "", "a fresh copy of this lab, closed when the run ends");
            String json = "{\"experiment\":\"" + TARGET_EXPERIMENT + "\",\"params\":{}}";
            List<Attempt> attempts =
                    List.of(
                            new Attempt(
                                    "GET / — Host: 127.0.0.1:" + port,
                                    "you, typing the address",
                                    get(port, "127.0.0.1:" + port)),
                            new Attempt(
                                    "GET / — Host: evil.example",
                                    "a DNS-rebinding page, after evil.example"
                                            + " has been re-pointed to 127.0.0.1",
                                    get(port, "evil.example")),
                            new Attempt(
                                    "POST /api/runs — Origin: http://evil.example",
                                    "a cross-site form or" + " fetch() from a page on evil.example",
                                    "POST /api/runs HTTP/1.1\r\n"
                                            + "Host: 127.0.0.1:"
                                            + port
                                            + "\r\n"
                                            + "Origin: http://evil.example\r\n"
                                            + "Content-Type: application/json\r\n"
                                            + "Content-Length: "
                                            + json.getBytes(StandardCharsets.UTF_8).length
                                            + "\r\n"
                                            + "Connection: close\r\n\r\n"
                                            + json));
            List<List<String>> rows = new ArrayList<>();
            for (Attempt attempt : attempts) {
                report.checkCancelled();
                RawHttp.Answer answer = RawHttp.send(port, attempt.request(), report.deadline());
                String said =
                        answer.status() == 200 ? "(the lab's index page)" : answer.firstBodyLine();
                rows.add(List.of(attempt.label(), attempt.imitates(), answer.statusLine(), said));
            }
            report.table(
                    "Three requests to " + lab.url(),
                    List.of("request", "imitates", "status line", "the lab's answer"),
                    rows);
            report.fact(
                    "runs going in that lab after the POST",
                    lab.activeRuns(),
                    "",
                    "the Origin guard refuses before any run starts");
        }
        report.say(
                "Binding 127.0.0.1 keeps other machines out, but not web pages in your own browser:"
                        + " the browser runs on this machine too. Checking Host defeats DNS rebinding; checking"
                        + " Origin stops other sites from making the lab do things.");
    }

    private static String get(int port, String host) {
        return "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }

    private record Attempt(String label, String imitates, String request) {}
}
