package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * {@code ephemeral-spot}: the learner connects to a listener with a tool of their choice, and the
 * check shows which source port their OS gave that tool.
 */
final class SpotCheck implements Check {
    static final String LISTENING = "listening on";
    static final String SOURCE_PORT = "your tool's source port";
    static final String IN_OS_RANGE = "inside this OS's ephemeral range";
    static final String IN_IANA = "inside IANA's 49152–65535";

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "ephemeral-spot",
                    "Spot your own ephemeral port",
                    "Opens a listener on 127.0.0.1 and waits for you to connect with curl, nc, a browser or"
                            + " JShell; then shows the source port your OS picked for that tool.",
                    ParamSpec.integer(
                            "wait-seconds", 60, 1, 120, "how long to wait for you to connect"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws IOException {
        int waitSeconds = (int) params.integer("wait-seconds");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(IpLiteral.loopbackV4(), 0), 8);
            report.closeOnCancel(server);
            int port = server.getLocalPort();
            announce(report, port, waitSeconds);
            server.setSoTimeout(waitSeconds * 1000);
            Socket connection;
            try {
                connection = server.accept();
            } catch (SocketTimeoutException e) {
                report.verdict(
                        false,
                        "No connection arrived within " + waitSeconds + " s.",
                        "The listener on 127.0.0.1:"
                                + port
                                + " is closed now; run the check again and connect"
                                + " while it waits.",
                        "Use 127.0.0.1, not localhost: localhost may mean ::1, where nothing listens here.");
                return;
            }
            try (connection) {
                answer(report, connection, EphemeralRange.detect());
            }
        }
    }

    private static void announce(Report report, int port, int waitSeconds) {
        String endpoint = "127.0.0.1:" + port;
        report.say(
                "Connect to "
                        + endpoint
                        + " with any tool (curl, nc, a browser, JShell) within "
                        + waitSeconds
                        + " seconds.");
        report.fact(LISTENING, endpoint, "", "waiting " + waitSeconds + " s");
        report.fact("curl", "curl http://" + endpoint + "/");
        report.fact("nc", "nc 127.0.0.1 " + port);
        report.fact("browser", "http://" + endpoint + "/");
        report.fact("JShell", "new java.net.Socket(\"127.0.0.1\", " + port + ").close()");
    }

    private static void answer(Report report, Socket connection, EphemeralRange range)
            throws IOException {
        int source = connection.getPort();
        String sent =
                FirstBytes.readAndReply(
                        connection, "Loopback Lab: you connected from port " + source + ".\n");
        boolean inOs = range.contains(source);
        boolean inIana = EphemeralRange.iana().contains(source);
        report.fact(
                SOURCE_PORT,
                Integer.toString(source),
                "",
                "picked by your OS when the tool connected");
        report.fact(IN_OS_RANGE, yesNo(inOs), "", range.describe());
        report.fact(IN_IANA, yesNo(inIana));
        report.fact("your tool sent", sent);
        report.verdict(
                true,
                "A connection arrived from 127.0.0.1:"
                        + source
                        + ": "
                        + source
                        + " is your tool's"
                        + " ephemeral source port.",
                source
                        + (inOs ? " lies inside" : " lies outside")
                        + " this OS's range "
                        + range.describe()
                        + ".",
                source
                        + (inIana ? " lies inside" : " lies outside")
                        + " IANA's 49152–65535"
                        + (inOs != inIana
                                ? ": IANA's range is a suggestion, your OS uses its own."
                                : "."),
                "Connect again: the next source port will differ.");
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }
}
