package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code containers-own-loopback}: a network namespace (what a container gets) has a loopback of
 * its own. On Linux, where {@code unshare -rn} is allowed, it starts one and shows its {@code lo},
 * that it cannot reach a server on the host's 127.0.0.1, and that the host cannot reach the server
 * on its 127.0.0.1. Elsewhere it says why not and shows the commands.
 */
public final class OwnLoopback extends AbstractExperiment {
    private static final int TIMEOUT_MILLIS = 1000;

    public OwnLoopback() {
        super(
                "containers-own-loopback",
                "A namespace has its own 127.0.0.1",
                "Makes a new network namespace (unshare -rn), the kind a container runs in, and"
                        + " tries 127.0.0.1 in both directions: from the namespace to a server on this"
                        + " machine, and from this machine to a server in the namespace.");
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        Namespace.Availability availability = Namespace.availability();
        if (!availability.works()) {
            Commands.explainUnavailable(report, Platform.current(), availability);
            return;
        }
        InetAddress loopback = IpLiteral.loopbackV4();
        try (ServerSocket host = new ServerSocket(0, 50, loopback)) {
            report.closeOnCancel(host);
            int hostPort = host.getLocalPort();
            report.fact("server on this machine", "127.0.0.1:" + hostPort);
            report.say(
                    "Starting a network namespace: unshare -rn, then a small Java program in it.");
            try (Namespace ns = Namespace.start(hostPort)) {
                report.closeOnCancel(ns);
                report.fact(
                        "lo in a new namespace",
                        ns.loBefore(),
                        "",
                        "a new namespace has only lo, and it starts down: nothing, not even"
                                + " 127.0.0.1, works until it is brought up (ip link set lo up)");
                List<List<String>> interfaces = new ArrayList<>();
                for (String line : ns.interfaces()) {
                    String[] parts = line.split(" ", 3);
                    interfaces.add(List.of(parts[0], parts[1], parts[2].replace(",", ", ")));
                }
                report.table(
                        "Interfaces inside the namespace (after ip link set lo up)",
                        List.of("interface", "state", "addresses"),
                        interfaces);
                int innerPort = ns.innerPort();
                report.fact("server inside the namespace", "127.0.0.1:" + innerPort);
                report.checkCancelled();
                List<List<String>> rows = new ArrayList<>();
                rows.add(
                        List.of(
                                "the namespace",
                                "127.0.0.1:" + hostPort + " (this machine's server)",
                                describeInside(ns.hostAttempt())));
                rows.add(
                        List.of(
                                "this machine",
                                "127.0.0.1:" + innerPort + " (the namespace's server)",
                                fromHost(loopback, innerPort, report.deadline())));
                rows.add(
                        List.of(
                                "this machine",
                                "the Unix socket " + ns.socket().getFileName() + " (a file)",
                                throughSocket(ns)));
                report.table(
                        "Who reaches whom through 127.0.0.1",
                        List.of("from", "to", "result"),
                        rows);
                List<List<String>> tables = new ArrayList<>();
                tables.add(
                        List.of(
                                "the namespace's /proc/net/tcp*",
                                String.join(", ", ns.listening())));
                tables.add(List.of("this machine's /proc/net/tcp*", hostListing(innerPort)));
                report.table(
                        "Listening on port " + innerPort + ", as each side's socket table says",
                        List.of("table", "listeners on that port"),
                        tables);
            }
        }
        report.say(
                "Two loopbacks, two socket tables, the same address 127.0.0.1: a namespace's"
                        + " loopback is its own. A container is a process in such a namespace, so"
                        + " 127.0.0.1 in a container is the container. Files are shared: the Unix"
                        + " socket path reached the server, which is how a published port's proxy"
                        + " (or a mounted docker.sock) crosses the boundary.");
    }

    private static String describeInside(String attempt) {
        if (attempt.equals("connected")) {
            return "connected (unexpected: the namespace shares this machine's loopback)";
        }
        int space = attempt.indexOf(' ');
        String detail = space < 0 ? attempt : attempt.substring(space + 1);
        return (attempt.startsWith("ConnectException") ? "refused: " : "failed: ") + detail;
    }

    /** A connection from this machine to the namespace's port number, and who answered it. */
    private static String fromHost(InetAddress loopback, int port, Deadline deadline) {
        // whatever answers here is some other program: TIMEOUT_MILLIS for it all, a line at most
        Deadline step = deadline.within(Duration.ofMillis(TIMEOUT_MILLIS));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback, port), step.millis());
            String first =
                    CappedRead.exactly(socket, InsideNamespace.GREETING.length() + 1, step)
                            .text(StandardCharsets.US_ASCII)
                            .strip();
            return first.equals(InsideNamespace.GREETING)
                    ? "connected to the namespace's server (unexpected)"
                    : "connected, but to another program of this machine that holds the same"
                            + " number: not the namespace's server";
        } catch (IOException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String throughSocket(Namespace ns) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(ns.socket()))) {
            String first = firstLine(Channels.newInputStream(channel));
            return "connected; it said \"" + first + "\"";
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static String firstLine(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(InsideNamespace.GREETING.length() + 1);
            return new String(bytes, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String hostListing(int port) {
        if (!SocketTable.available()) {
            return "not readable here";
        }
        List<String> found =
                SocketTable.listening().stream()
                        .filter(e -> e.localPort() == port)
                        .map(SocketTable.Entry::localEndpoint)
                        .toList();
        return found.isEmpty() ? "none" : String.join(", ", found);
    }
}
