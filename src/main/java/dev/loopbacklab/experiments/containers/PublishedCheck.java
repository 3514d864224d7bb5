package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The challenge of lesson 10: publish a service from a container or namespace on this machine's
 * 127.0.0.1 and nowhere else. Judged from this side only, and without sending anything to a
 * non-loopback address: 127.0.0.1:port must answer; the socket table must list no listener on the
 * port beyond loopback; 127.0.0.2:port, which only a wildcard or a catch-all forwarding rule
 * answers, must refuse. {@link PublishedVerdict} turns what it saw into words, the same on Linux,
 * macOS and Windows.
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
        ProbeResult main = Probe.connect(one, port, report.deadline().timeout(TIMEOUT));
        Optional<List<ListedSocket>> table = Optional.empty();
        Optional<ProbeResult> second = Optional.empty();
        boolean fromNamespace = false;
        if (main.connected()) {
            table = listenersOn(port);
            if (usable(two)) {
                second = Optional.of(Probe.connect(two, port, report.deadline().timeout(TIMEOUT)));
            }
            fromNamespace =
                    firstLine(one, port, report.deadline()).equals(InsideNamespace.GREETING);
        }
        PublishedVerdict.Verdict verdict =
                PublishedVerdict.of(
                        new PublishedVerdict.Facts(
                                Platform.current(), port, main, table, second, fromNamespace));
        report.verdict(
                verdict.passed(), verdict.summary(), verdict.details().toArray(String[]::new));
    }

    /** The listeners on {@code port} this OS lists (/proc, lsof, netstat); empty if unreadable. */
    private static Optional<List<ListedSocket>> listenersOn(int port) {
        if (!SocketTable.listable()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    SocketTable.listeners().stream()
                            .filter(s -> s.entry().localPort() == port)
                            .toList());
        } catch (UncheckedIOException e) {
            return Optional.empty(); // lsof or netstat failed: as if there were no list
        }
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
