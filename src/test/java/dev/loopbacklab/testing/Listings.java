package dev.loopbacklab.testing;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Optional;

/**
 * A system's list of listeners cut down to one port, as the per-OS verdicts receive it: from a
 * recorded lsof fixture (macOS) or netstat text (Windows).
 */
public final class Listings {
    private Listings() {}

    /** The listening rows of {@code listed} on {@code port}. */
    public static Optional<List<SocketTable.Entry>> onPort(List<ListedSocket> listed, int port) {
        return Optional.of(
                listed.stream()
                        .map(ListedSocket::entry)
                        .filter(e -> e.isListening() && e.localPort() == port)
                        .toList());
    }

    /** The listeners on {@code port} in the lsof output recorded as {@code platform/<fixture>}. */
    public static Optional<List<SocketTable.Entry>> lsof(String fixture, int port) {
        return onPort(SocketTable.parseLsof(PlatformFixture.load(fixture).body()), port);
    }

    /** The listeners on {@code port} in netstat -ano text. */
    public static Optional<List<SocketTable.Entry>> netstat(String text, int port) {
        return onPort(SocketTable.parseNetstat(text), port);
    }
}
