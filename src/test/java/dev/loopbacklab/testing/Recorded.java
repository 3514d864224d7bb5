package dev.loopbacklab.testing;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.time.Duration;
import java.util.List;

/**
 * What Linux, macOS and Windows really give a pure verdict: the three systems, the two probe
 * answers a loopback port gives, and the listener lists recorded from each system's own tool
 * (src/test/resources/platform/, each with its source).
 */
public final class Recorded {
    /** A current Linux. */
    public static final Platform LINUX = Platform.of("Linux", "6.1");

    /** A current macOS. */
    public static final Platform MAC = Platform.of("Mac OS X", "14.5");

    /** Windows 11 (the JDK reports 10.0). */
    public static final Platform WINDOWS = Platform.of("Windows 11", "10.0");

    /** All three, for words that must hold on each. */
    public static final List<Platform> ALL = List.of(LINUX, MAC, WINDOWS);

    /** A loopback handshake that completed. */
    public static final ProbeResult ANSWERS =
            new ProbeResult(
                    ProbeResult.Outcome.CONNECTED,
                    "connected from 127.0.0.1:50000",
                    Duration.ZERO,
                    50000);

    /** A loopback handshake the OS refused (at once on all three for Java: JDK-8250521). */
    public static final ProbeResult REFUSED =
            new ProbeResult(ProbeResult.Outcome.REFUSED, "Connection refused", Duration.ZERO, -1);

    private Recorded() {}

    /** The sockets of macOS's {@code lsof -nP -iTCP -sTCP:LISTEN} (macos/lsof-nP-listen.txt). */
    public static List<ListedSocket> lsof() {
        return SocketTable.parseLsof(PlatformFixture.load("macos/lsof-nP-listen.txt").body());
    }

    /**
     * The sockets of a recorded Windows netstat, with Windows line endings.
     *
     * @param path e.g. {@code "windows/netstat-an-de.txt"}
     */
    public static List<ListedSocket> netstat(String path) {
        return SocketTable.parseNetstat(PlatformFixture.load(path).crlf());
    }

    /** The listeners among {@code sockets} on {@code port}, as a check sees its port's rows. */
    public static List<ListedSocket> listenersOn(List<ListedSocket> sockets, int port) {
        return sockets.stream()
                .filter(s -> s.entry().isListening() && s.entry().localPort() == port)
                .toList();
    }

    /** The plain rows of {@code sockets}. */
    public static List<SocketTable.Entry> entries(List<ListedSocket> sockets) {
        return sockets.stream().map(ListedSocket::entry).toList();
    }
}
