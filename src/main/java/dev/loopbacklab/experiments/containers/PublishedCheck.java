package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The challenge of lesson 10: publish a service from a container or namespace on this machine's
 * 127.0.0.1 and nowhere else. Judged from this side only, and without sending anything to a
 * non-loopback address: 127.0.0.1:port must answer; the socket table must list no listener on the
 * port beyond loopback; 127.0.0.2:port, which only a wildcard or a catch-all forwarding rule
 * answers, must refuse.
 */
public final class PublishedCheck extends AbstractCheck {
    /** The port the lesson suggests. */
    public static final int SUGGESTED_PORT = 8080;

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    public PublishedCheck() {
        super(
                "containers-published",
                "Publish a container's port on 127.0.0.1 only",
                "Publish a service from a container or namespace on 127.0.0.1 and this port, then"
                        + " check: it must answer on 127.0.0.1, and be listed and answer nowhere else.",
                ParamSpec.port("port", SUGGESTED_PORT, "the port you published on"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        InetAddress one = IpLiteral.loopbackV4();
        InetAddress two = IpLiteral.parse("127.0.0.2");
        List<String> details = new ArrayList<>();
        ProbeResult main = Probe.connect(one, port, report.deadline().timeout(TIMEOUT));
        details.add(
                "127.0.0.1:" + port + " → " + main.outcome().toString().toLowerCase(Locale.ROOT));
        if (!main.connected()) {
            report.verdict(
                    false,
                    "Nothing answers on 127.0.0.1:"
                            + port
                            + " ("
                            + main.detail()
                            + "). Publish your service there, e.g. docker run -p 127.0.0.1:"
                            + port
                            + ":80 nginx, and leave it running while you check.",
                    details.toArray(String[]::new));
            return;
        }
        List<String> problems = new ArrayList<>();
        if (SocketTable.available()) {
            problems.addAll(socketTable(port, details));
        } else {
            details.add("socket table: not readable on this OS; judged by probes only");
        }
        if (usable(two)) {
            if (Probe.connect(two, port, report.deadline().timeout(TIMEOUT)).connected()) {
                problems.add(
                        "it also answers on 127.0.0.2:"
                                + port
                                + ": it is published on every address (a wildcard, or a"
                                + " forwarding rule for all of this machine's addresses)");
            }
            details.add("127.0.0.2:" + port + " probed: only a wildcard would answer there");
        } else {
            details.add("127.0.0.2 is not configured on this OS; not probed");
        }
        String greeting = firstLine(one, port, report.deadline());
        if (greeting.equals(InsideNamespace.GREETING)) {
            details.add("the answer came from inside a network namespace: \"" + greeting + "\"");
        }
        if (problems.isEmpty()) {
            report.verdict(
                    true,
                    "Published on 127.0.0.1:"
                            + port
                            + " only: it answers there, and nothing listens or answers on another"
                            + " address.",
                    details.toArray(String[]::new));
            return;
        }
        details.addAll(0, problems.stream().map(p -> "problem: " + p).toList());
        report.verdict(
                false,
                "Port "
                        + port
                        + " is published beyond this machine: "
                        + problems.get(0)
                        + ". Publish with -p 127.0.0.1:"
                        + port
                        + ":80, not -p "
                        + port
                        + ":80.",
                details.toArray(String[]::new));
    }

    /** Listeners on the port outside loopback, named with their owner where it can be read. */
    private static List<String> socketTable(int port, List<String> details) {
        List<String> problems = new ArrayList<>();
        Map<Long, SocketOwner> owners = SocketTable.owners();
        List<SocketTable.Entry> entries =
                SocketTable.listening().stream().filter(e -> e.localPort() == port).toList();
        if (entries.isEmpty()) {
            details.add(
                    "socket table: no listener on port "
                            + port
                            + " (a firewall rule forwards it, as Docker does without its proxy)");
        }
        for (SocketTable.Entry entry : entries) {
            SocketOwner owner = owners.get(entry.inode());
            details.add(
                    "socket table: "
                            + entry.protocol()
                            + " LISTEN "
                            + entry.localEndpoint()
                            + (owner == null ? "" : " (" + owner.command() + ")"));
            if (!entry.isLoopbackOnly()) {
                problems.add(
                        "the OS lists a listener on "
                                + entry.localEndpoint()
                                + (entry.localAddress().isAnyLocalAddress()
                                        ? ", every interface"
                                        : ", a network address"));
            }
        }
        return problems;
    }

    /** Whether this OS has {@code address} configured: binding it tells, without any traffic. */
    private static boolean usable(InetAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The greeting's length in bytes at most, {@link #TIMEOUT} at most in all. */
    private static String firstLine(InetAddress address, int port, Deadline deadline) {
        Deadline step = deadline.within(TIMEOUT);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), step.millis());
            return CappedRead.exactly(socket, InsideNamespace.GREETING.length(), step)
                    .text(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }
}
