package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The challenge: start a server on a port of your choice, and find it. Passes when the socket table
 * lists a TCP listener on the port (from /proc on Linux, lsof on macOS, netstat on Windows), naming
 * its owner where this user may see it; where there is no table, a connection to the port on
 * loopback stands in for it.
 */
final class ListeningSpot extends AbstractCheck {
    /** The port the lesson suggests. */
    static final int SUGGESTED_PORT = 7010;

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final SocketSource source;

    /** The check on {@code source}; {@link SocketSource#real()} outside tests. */
    ListeningSpot(SocketSource source) {
        super(
                "listening-spot",
                "Start a server on a port of your choice, and find it",
                "Start any TCP server on the port below and leave it running; the check finds it in the"
                        + " socket table and names the process that owns it.",
                ParamSpec.yourServerPort(SUGGESTED_PORT));
        this.source = source;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        if (!source.available().getAsBoolean()) {
            withoutTable(port, report);
            return;
        }
        report.say(
                "Looking for port "
                        + port
                        + " in the socket table, read from "
                        + source.from()
                        + "…");
        Snapshot snapshot;
        try {
            snapshot = Snapshot.take(source, true);
        } catch (UncheckedIOException e) {
            report.warn(OsCommands.failed(source.from(), e, source.osName()));
            probe(port, report);
            return;
        }
        List<Listener> here =
                snapshot.tcp().stream().filter(l -> l.entry().localPort() == port).toList();
        if (here.isEmpty()) {
            nothing(port, snapshot, source.osName(), report);
            return;
        }
        long lab = ProcessHandle.current().pid();
        Optional<Listener> named = here.stream().filter(l -> l.owner().isPresent()).findFirst();
        String who =
                named.map(l -> l.owner().get().toString())
                        .orElse(
                                "a process hidden from you"
                                        + " (user id "
                                        + Listener.uid(here.get(0).entry().uid())
                                        + ")");
        List<String> endpoints =
                here.stream().map(l -> l.entry().localEndpoint()).distinct().toList();
        Scope widest = here.stream().map(Listener::scope).max(Enum::compareTo).orElseThrow();
        List<String> details = new ArrayList<>();
        for (Listener l : here) {
            details.add(
                    l.entry().protocol()
                            + " LISTEN "
                            + l.entry().localEndpoint()
                            + ": "
                            + l.scope().label()
                            + ", "
                            + l.ownerText(lab)
                            + ", uid "
                            + Listener.uid(l.entry().uid())
                            + ", inode "
                            + l.entry().inode());
        }
        details.add(
                "in a terminal: " + OsCommands.forOs(source.osName()) + " — look for port " + port);
        if (named.isEmpty()) {
            details.add("owner hidden: " + OsCommands.hidden(source.osName()));
        }
        report.verdict(
                true,
                "Found it: "
                        + who
                        + " listens on "
                        + String.join(" and ", endpoints)
                        + " — "
                        + sentence(widest),
                details.toArray(String[]::new));
    }

    /** What the widest scope among the listeners means, with a nudge where it is too wide. */
    private static String sentence(Scope scope) {
        return switch (scope) {
            case LOOPBACK -> "loopback only: only programs on this machine can connect.";
            case WILDCARD ->
                    "all interfaces (wildcard): other machines can connect too. Lesson 04"
                            + " (exposure) shows how to bind 127.0.0.1 instead.";
            case SPECIFIC ->
                    "a specific network address: machines on that network can connect. Lesson"
                            + " 04 (exposure) shows how to bind 127.0.0.1 instead.";
        };
    }

    private static void nothing(int port, Snapshot snapshot, String os, Report report) {
        List<String> details = new ArrayList<>();
        details.add(
                "the socket table lists "
                        + snapshot.tcp().size()
                        + " TCP listeners; none on port "
                        + port);
        snapshot.udp().stream()
                .filter(l -> l.entry().localPort() == port)
                .findFirst()
                .ifPresent(
                        l ->
                                details.add(
                                        "a UDP socket is bound to "
                                                + l.entry().localEndpoint()
                                                + " ("
                                                + l.ownerText(-1)
                                                + "), but UDP has no listeners: the check looks for a TCP server"));
        details.add(
                "start one and leave it running, e.g. in JShell: var mine ="
                        + " EchoServer.start(\"127.0.0.1\", "
                        + port
                        + ");");
        Optional<String> onlyYours = OsCommands.onlyYours(os);
        onlyYours.ifPresent(details::add);
        report.verdict(
                false,
                onlyYours.isPresent()
                        ? "None of your processes listens on TCP port " + port + "."
                        : "Nothing is listening on TCP port " + port + " on this machine.",
                details.toArray(String[]::new));
    }

    /** Without a socket table, a connection on loopback shows that something listens. */
    private void withoutTable(int port, Report report) throws UnknownHostException {
        report.warn(OsCommands.unavailable(source.osName()));
        probe(port, report);
    }

    private void probe(int port, Report report) {
        List<String> details = new ArrayList<>();
        boolean connected = false;
        for (InetAddress address : List.of(IpLiteral.loopbackV4(), IpLiteral.loopbackV6())) {
            ProbeResult result =
                    Probe.connect(address, port, report.deadline().timeout(PROBE_TIMEOUT));
            details.add(
                    "connecting to "
                            + address.getHostAddress()
                            + " port "
                            + port
                            + ": "
                            + result.outcome()
                            + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")"));
            connected |= result.connected();
        }
        String find = "find its owner with: " + OsCommands.forOs(source.osName());
        details.add(find);
        if (connected) {
            report.verdict(
                    true,
                    "Something listens on port "
                            + port
                            + ": it accepted a connection."
                            + " The lab could not read who, so "
                            + find
                            + ".",
                    details.toArray(String[]::new));
        } else {
            report.verdict(
                    false,
                    "Nothing is listening on TCP port "
                            + port
                            + " on loopback: nothing"
                            + " accepted a connection on 127.0.0.1 or ::1.",
                    details.toArray(String[]::new));
        }
    }
}
