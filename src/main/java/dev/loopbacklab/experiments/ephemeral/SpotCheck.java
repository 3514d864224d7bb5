package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractWaitingCheck;
import dev.loopbacklab.lesson.LearnerWait;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ephemeral-spot}: the learner connects to a listener with a tool of their choice, and the
 * check shows which source port their OS gave that tool.
 */
final class SpotCheck extends AbstractWaitingCheck<Socket> {
    static final String SOURCE_PORT = "your tool's source port";
    static final String IN_OS_RANGE = "inside this OS's ephemeral range";
    static final String IN_IANA = "inside IANA's 49152–65535";

    SpotCheck() {
        super(
                "ephemeral-spot",
                "Spot your own ephemeral port",
                "Opens a listener on 127.0.0.1 and waits for you to connect with curl, nc, a browser or"
                        + " JShell; then shows the source port your OS picked for that tool.",
                LearnerWait.seconds(60, 120, "you to connect"));
    }

    @Override
    protected void await(LearnerWait<Socket> wait, Report report) throws IOException {
        try (ServerSocket server = wait.hold(new ServerSocket())) {
            server.bind(new InetSocketAddress(IpLiteral.loopbackV4(), 0), 8);
            int port = server.getLocalPort();
            String endpoint = "127.0.0.1:" + port;
            List<Map.Entry<String, String>> tools = tools(Platform.current(), port);
            wait.announce(
                    "A listener is waiting on " + endpoint + ".",
                    "connect to it with any tool ("
                            + String.join(", ", tools.stream().map(Map.Entry::getKey).toList())
                            + ").",
                    endpoint,
                    tools.get(0),
                    tools.get(1),
                    tools.get(2),
                    tools.get(3));
            Optional<Socket> connection = wait.accept(server);
            if (connection.isEmpty()) {
                wait.timedOut(
                        "No connection arrived " + wait.within() + ".",
                        "The listener",
                        "connect while it waits.",
                        List.of(
                                "Use 127.0.0.1, not localhost: localhost may mean ::1, where"
                                        + " nothing listens here."));
                return;
            }
            try (Socket accepted = connection.get()) {
                answer(report, accepted, EphemeralRange.detect());
            }
        }
    }

    private static void answer(Report report, Socket connection, EphemeralRange range)
            throws IOException {
        int source = connection.getPort();
        String sent =
                FirstBytes.readAndReply(
                        connection,
                        "Loopback Lab: you connected from port " + source + ".\n",
                        report.deadline());
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

    /**
     * Tools that connect to {@code port} on this system, as the learner would type them: Windows
     * has no nc, but PowerShell's Test-NetConnection opens a TCP connection.
     */
    static List<Map.Entry<String, String>> tools(Platform platform, int port) {
        String endpoint = "127.0.0.1:" + port;
        Map.Entry<String, String> raw =
                platform.os() == OperatingSystem.WINDOWS
                        ? Map.entry("PowerShell", "Test-NetConnection 127.0.0.1 -Port " + port)
                        : Map.entry("nc", "nc 127.0.0.1 " + port);
        return List.of(
                Map.entry("curl", "curl http://" + endpoint + "/"),
                raw,
                Map.entry("browser", "http://" + endpoint + "/"),
                Map.entry("JShell", "new java.net.Socket(\"127.0.0.1\", " + port + ").close()"));
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }
}
