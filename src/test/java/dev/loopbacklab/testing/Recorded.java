package dev.loopbacklab.testing;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketTable;
import java.util.List;

/**
 * The listener lists recorded from each system's own tool (src/test/resources/platform/, each with
 * its source), as a pure verdict's tests hand them in; {@link Systems} and {@link Probes} hold the
 * systems and the probe answers.
 */
public final class Recorded {
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
