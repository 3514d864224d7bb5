package dev.loopbacklab;

import dev.loopbacklab.cli.TerminalReport;
import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.Platform;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lab from JShell: {@code Lab.help()} lists what there is, {@code Lab.run("echo-rtt",
 * "count=1000")} runs an experiment and prints what it finds, {@code Lab.check("echo-yours",
 * "port=7007")} runs a check.
 */
public final class Lab {
    private Lab() {}

    /** Prints what is available, one line each. */
    public static void help() {
        System.out.print(helpText());
    }

    /** The text {@link #help()} prints. */
    public static String helpText() {
        StringBuilder text = new StringBuilder();
        text.append("Toolkit (dev.loopbacklab.net, already imported):\n");
        line(text, "EchoServer.start(\"127.0.0.1\", 0)", "an echo server; .port(), .close()");
        line(
                text,
                "EchoClient.connect(address, port, timeout)",
                "a client; .roundTrip(\"hi\"), .localPort()");
        line(
                text,
                "UdpEchoServer.start() / UnixEchoServer.start()",
                "echo over UDP / a Unix socket");
        line(
                text,
                "Ports.parse(\"8080\") / Ports.classify(62893)",
                "strict port parsing; IANA category");
        line(text, "PrivilegedPorts.current()", "which ports need root on this OS");
        line(text, "EphemeralRange.detect()", "this OS's ephemeral port range");
        line(text, "LoopbackTarget.parse(\"127.0.0.1\")", "the loopback-only host validator");
        line(
                text,
                "Probe.connect(address, port, timeout)",
                "one TCP connect attempt, and its outcome");
        line(
                text,
                "SocketTable.listeners()",
                "listening sockets with their programs (/proc, lsof or netstat)");
        line(text, "Platform.current()", "this OS; .notes() says what differs here");
        text.append("Experiments and checks:\n");
        line(text, "Lab.run(\"echo-rtt\", \"count=1000\")", "run an experiment, print its results");
        line(text, "Lab.check(\"echo-yours\", \"port=7007\")", "run a check");
        line(text, "Lab.list()", "every lesson with its experiments and checks");
        // What differs on the learner's own system, from the same model the experiments ask.
        text.append("This system (Platform.current().notes()):\n");
        Platform.current()
                .notes()
                .lines()
                .forEach(note -> text.append("  ").append(note).append('\n'));
        return text.toString();
    }

    private static void line(StringBuilder text, String call, String what) {
        text.append(String.format(Locale.ROOT, "  %-46s %s%n", call, what));
    }

    /** Prints every lesson with its experiments and checks. */
    public static void list() {
        LessonCatalog catalog = LessonCatalog.load(ContentRoot.locate(false).lessons());
        for (Lesson lesson : catalog.lessons()) {
            System.out.printf("%02d %s — %s%n", lesson.number(), lesson.id(), lesson.title());
            lesson.experimentIds().forEach(id -> System.out.println("     experiment " + id));
            lesson.checkIds().forEach(id -> System.out.println("     check      " + id));
        }
    }

    /** Runs experiment {@code id} with {@code name=value} parameters and prints its results. */
    public static Outcome run(String id, String... params) {
        return execute(id, params);
    }

    /** Runs check {@code id} with {@code name=value} parameters and prints the verdict. */
    public static Outcome check(String id, String... params) {
        return execute(id, params);
    }

    private static Outcome execute(String id, String... params) {
        Experiment experiment =
                Experiments.registry()
                        .find(id)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no experiment or check named \""
                                                        + id
                                                        + "\"; try Lab.list()"));
        Map<String, String> raw = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new ParamException(
                        null, "write parameters as \"name=value\", e.g. \"count=1000\"");
            }
            raw.put(param.substring(0, eq), param.substring(eq + 1));
        }
        Params parsed = Params.parse(experiment.params(), raw);
        PrintWriter out = new PrintWriter(System.out, true);
        TerminalReport report = new TerminalReport(out, false, false);
        Outcome outcome = Runner.run(experiment, parsed, report);
        report.finish();
        out.println("== " + outcome.label());
        return outcome;
    }
}
