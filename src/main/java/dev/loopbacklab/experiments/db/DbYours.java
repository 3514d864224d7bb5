package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.net.UntrustedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;

/**
 * Checks that the learner's own H2 TCP server answers on 127.0.0.1: connects with JDBC to an
 * in-memory database {@code mem:check} as user sa and runs {@code SELECT 1}.
 */
final class DbYours extends AbstractCheck {
    static final int DEFAULT_PORT = 9092;
    static final String DATABASE = "mem:check";

    /** How long the probe may take: well inside a run's lifetime, long for a loopback answer. */
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** The probe JVM's heap: plenty for a JDBC session, far from what a lying server asks. */
    static final String PROBE_HEAP = "-Xmx32m";

    private final Duration deadline;

    DbYours() {
        this(DEADLINE);
    }

    DbYours(Duration deadline) {
        super(
                "db-yours",
                "Your own H2 server",
                "Start an H2 TCP server of your own on this machine, then check it: the lab connects"
                        + " with JDBC to "
                        + DATABASE
                        + " on 127.0.0.1 and runs SELECT 1.",
                ParamSpec.port(
                        "port",
                        DEFAULT_PORT,
                        "the port your H2 server listens on; "
                                + DEFAULT_PORT
                                + " (H2's default) unless you chose another"));
        this.deadline = deadline;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        String url = LabDatabase.url("127.0.0.1", port, DATABASE);
        // said first: the probe is a JVM of its own, which takes a moment to start
        report.say(
                "Asking 127.0.0.1:"
                        + port
                        + " for SELECT 1 through H2's JDBC driver, from a small JVM of its own"
                        + " (a server that never answers cannot hold up the lab)…");
        Process probe = startProbe(port);
        report.closeOnCancel(probe::destroyForcibly);
        // the probe's own limit, and never past the run's deadline
        Deadline probing = report.deadline().within(deadline);
        long waited = probing.remaining().toMillis();
        try {
            if (!probe.waitFor(probing.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                probe.destroyForcibly();
                report.verdict(
                        false,
                        "Something on 127.0.0.1:"
                                + port
                                + " accepted the connection but did not finish answering within "
                                + Numbers.waited(waited)
                                + ".",
                        "URL: " + url,
                        "An H2 server answers SELECT 1 in milliseconds. Is another, slower program"
                                + " on that port? The who-is-listening lesson shows how to find out.");
                return;
            }
            List<String> lines = output(probe);
            if (lines.size() >= 4 && lines.get(0).equals("ok")) {
                report.verdict(
                        true,
                        "Your H2 server answered: SELECT 1 returned " + lines.get(1) + ".",
                        "URL: " + url,
                        "server: " + lines.get(2),
                        "it saw the lab coming from " + lines.get(3));
            } else if (lines.size() >= 4 && lines.get(0).equals("error")) {
                fail(report, port, url, lines);
            } else {
                report.verdict(
                        false,
                        "Something on 127.0.0.1:"
                                + port
                                + " answered in a way the check could not read"
                                + (lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"))
                                        ? ": it announced more data than the check reads."
                                        : "."),
                        "URL: " + url,
                        "the probe said: " + UntrustedText.visible(String.join(" ", lines), 200));
            }
        } finally {
            probe.destroyForcibly();
        }
    }

    private static Process startProbe(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        PROBE_HEAP,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DbYoursProbe.class.getName(),
                        Integer.toString(port),
                        DATABASE)
                .redirectErrorStream(true)
                .start();
    }

    /** The probe's lines; it has ended, and what it prints is small, so at most 8 KB are read. */
    private static List<String> output(Process probe) throws IOException {
        byte[] bytes = probe.getInputStream().readNBytes(8192);
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    /** How to start a server the check can reach, under this machine's privileged-port rule. */
    static String startHint(int port) {
        return startHint(port, PrivilegedPorts.current());
    }

    /**
     * How to start a server the check can reach: on the port asked about, unless {@code rule}
     * reserves it for privileged programs (IANA's "well-known" category is not the OS's rule: on
     * Windows port 1 is as good as any); then on H2's default, to check there. H2 listens on the
     * wildcard address, which macOS 10.14 and later exempt from the rule.
     */
    static String startHint(int port, PrivilegedPorts rule) {
        String start =
                "org.h2.tools.Server.createTcpServer(\"-tcpPort\", \"%d\", \"-ifNotExists\").start()";
        if (rule.isPrivileged(port) && !rule.wildcardExempt()) {
            return "Port "
                    + port
                    + " is a privileged port here (ports "
                    + rule.rangeWords()
                    + ", by "
                    + rule.source()
                    + "): a program run by a normal user may not listen on it. Start your server"
                    + " on a port you can use, such as H2's default "
                    + DEFAULT_PORT
                    + ", e.g. in JShell: "
                    + String.format(Locale.ROOT, start, DEFAULT_PORT)
                    + ", then check port "
                    + DEFAULT_PORT
                    + ".";
        }
        return "Start your server first, e.g. in JShell: "
                + String.format(Locale.ROOT, start, port);
    }

    private static void fail(Report report, int port, String url, List<String> error) {
        int code = Integer.parseInt(error.get(1));
        String said = "H2's driver said: " + UntrustedText.visible(error.get(3), 300);
        if (error.get(2).equals("true")) {
            report.verdict(
                    false,
                    "Connection refused: nothing is listening on 127.0.0.1:" + port + ".",
                    said,
                    startHint(port));
        } else if (code == ErrorCode.REMOTE_DATABASE_NOT_FOUND_1) {
            report.verdict(
                    false,
                    "An H2 server answered, but it will not create "
                            + DATABASE
                            + " for a TCP client.",
                    said,
                    "Start it with \"-ifNotExists\" as well, or create the"
                            + " database in the server's own JVM first: DriverManager.getConnection("
                            + "\"jdbc:h2:"
                            + DATABASE
                            + "\") and keep that connection open.");
        } else if (code == ErrorCode.CONNECTION_BROKEN_1) {
            report.verdict(
                    false,
                    "Something is listening on 127.0.0.1:"
                            + port
                            + ", but it does not"
                            + " speak H2's protocol.",
                    said,
                    "URL: " + url,
                    "Is it another server on that port?"
                            + " The who-is-listening lesson shows how to find out which program owns it.");
        } else {
            report.verdict(false, "The JDBC connection to " + url + " failed.", said);
        }
    }
}
