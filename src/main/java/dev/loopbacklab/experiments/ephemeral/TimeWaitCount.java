package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import dev.loopbacklab.net.TimeWait;
import java.util.OptionalLong;

/**
 * Counts the TIME_WAIT sockets a connect sweep leaves behind, on Linux from {@code /proc/net}; on
 * macOS and Windows it says plainly that it did not count, and where to look by hand (Windows'
 * netstat translates the state word, so a count from its text would miss rows in some languages).
 * Client sides are found by their remote port (the listener's); the listener's side by its local
 * port.
 */
final class TimeWaitCount {
    static final String CLIENT_SIDE = ConnectSweep.TIME_WAIT;
    static final String LISTENER_SIDE = "listener-side sockets in TIME_WAIT";

    private TimeWaitCount() {}

    /** Client sockets in TIME_WAIT towards {@code port}; empty where /proc/net is missing. */
    static OptionalLong toPort(int port) {
        if (!SocketTable.available()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                SocketTable.read().stream()
                        .filter(
                                e ->
                                        e.state() == TcpState.TIME_WAIT
                                                && e.remotePort() == port
                                                && e.remoteAddress().isLoopbackAddress())
                        .count());
    }

    /**
     * Where to count them by hand when the lab cannot: netstat lists TIME_WAIT on macOS and
     * Windows, but Windows translates the state into its display language (a German Windows writes
     * WARTEND: platform/windows/netstat-an-de.txt).
     */
    static String elsewhere(Platform platform) {
        return switch (platform.os()) {
            case WINDOWS ->
                    "only read on Linux; on Windows run netstat -an -p tcp: the rows in"
                            + " TIME_WAIT (WARTEND on a German Windows, as netstat translates the state)";
            case MAC -> "only read on Linux; on macOS run netstat -an -p tcp | grep TIME_WAIT";
            default -> "only read on Linux; elsewhere try netstat -an and look for TIME_WAIT";
        };
    }

    /**
     * What is said where the lab cannot count (no /proc/net): plainly that it did not count, who
     * holds TIME_WAIT, and for how long on {@code platform}, without Linux's tools or its 60 s.
     */
    static String uncounted(Platform platform, TimeWait timeWait) {
        return "The lab counts TIME_WAIT sockets from Linux's /proc/net only, so on "
                + platform.name()
                + " it did not count them. The client side closed first, so it is the client"
                + " sockets that wait in TIME_WAIT, "
                + ConnectBudget.waitWords(timeWait)
                + ".";
    }

    /** Reports both sides and why they differ. */
    static void report(Report report, int port, long before, int connections) {
        OptionalLong after = toPort(port);
        if (after.isEmpty()) {
            Platform platform = Platform.current();
            report.fact(CLIENT_SIDE, "not available", "", elsewhere(platform));
            report.say(uncounted(platform, TimeWait.current()));
            return;
        }
        long clients = Math.max(0, after.getAsLong() - before);
        long listener = SocketTable.count(TcpState.TIME_WAIT, port);
        report.fact(
                CLIENT_SIDE,
                SampleLines.number(clients),
                "",
                "of "
                        + SampleLines.number(connections)
                        + " connections, read from /proc/net/tcp and tcp6");
        report.fact(LISTENER_SIDE, SampleLines.number(listener), "", "local port " + port);
        report.say(
                "Each client closed its connection first, so each client socket, not the listener's,"
                        + " now waits in TIME_WAIT "
                        + ConnectBudget.waitWords(TimeWait.current())
                        + ", long enough for stray packets of the old connection to die out before the"
                        + " same four numbers (address and port on both sides) can be used again. Run"
                        + " this again within that time and the sockets are still there;"
                        + " `ss -tan state time-wait` lists them.");
        if (clients < connections) {
            report.say(
                    "Fewer sockets than connections: a port still in TIME_WAIT may be taken again"
                            + " for a new connection to the same listener (Linux allows it on loopback when"
                            + " net.ipv4.tcp_tw_reuse is 2, its default), and that ends its wait.");
        }
    }
}
