package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TimeWait;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Counts the TIME_WAIT sockets a connect sweep leaves behind, from the system's own list: Linux's
 * {@code /proc/net}, macOS's {@code netstat -an -p tcp}, Windows' {@code netstat -ano} (read in any
 * display language, see {@code net.NetstatParser}). When the list cannot be read it says so and
 * counts nothing: a 0 means the list was read and held none.
 */
final class TimeWaitCount {
    static final String CLIENT_SIDE = ConnectSweep.TIME_WAIT;
    static final String LISTENER_SIDE = "listener-side sockets in TIME_WAIT";

    private TimeWaitCount() {}

    /** Client sockets in TIME_WAIT towards {@code port}; empty where the list cannot be read. */
    static OptionalLong toPort(int port) {
        try {
            return OptionalLong.of(TimeWaitTally.of(SocketTable.connections(), port).clients());
        } catch (UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads this system's list and reports both sides and why they differ. */
    static void report(Report report, int port, long before, int connections) {
        report(
                report,
                Platform.current(),
                TimeWait.current(),
                SocketTable.connectionsSource(),
                SocketTable::connections,
                port,
                before,
                connections);
    }

    /**
     * Reports from {@code list}, which throws {@link UncheckedIOException} when the system's tool
     * could not run: then nothing is counted, and the learner is told why.
     */
    static void report(
            Report report,
            Platform platform,
            TimeWait timeWait,
            String source,
            Supplier<List<SocketTable.Entry>> list,
            int port,
            long before,
            int connections) {
        TimeWaitTally tally;
        try {
            tally = TimeWaitTally.of(list.get(), port).since(before);
        } catch (UncheckedIOException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            report.fact(CLIENT_SIDE, "not available", "", notRead(source, reason));
            report.say(uncounted(platform, timeWait, port));
            return;
        }
        tell(report, platform, timeWait, source, port, connections, tally);
    }

    /** What a learner is told once the list was read: the numbers, then why. */
    static void tell(
            Report report,
            Platform platform,
            TimeWait timeWait,
            String source,
            int port,
            int connections,
            TimeWaitTally tally) {
        report.fact(
                CLIENT_SIDE,
                SampleLines.number(tally.clients()),
                "",
                "of " + SampleLines.number(connections) + " connections, read from " + source);
        report.fact(LISTENER_SIDE, SampleLines.number(tally.listener()), "", "local port " + port);
        explain(platform, timeWait, port, connections, tally).forEach(report::say);
    }

    static List<String> explain(
            Platform platform, TimeWait timeWait, int port, int connections, TimeWaitTally tally) {
        List<String> words = new ArrayList<>();
        words.add(
                "Each client closed its connection first, so each client socket, not the listener's,"
                        + " now waits in TIME_WAIT "
                        + ConnectBudget.waitWords(timeWait)
                        + ", long enough for stray packets of the old connection to die out before the"
                        + " same four numbers (address and port on both sides) can be used again. Run"
                        + " this again within that time and the sockets are still there: "
                        + byHand(platform, port)
                        + ".");
        if (tally.clients() == 0 && connections > 0) {
            words.add(noneListed(platform, port));
        } else if (tally.clients() < connections) {
            words.add(fewer(platform));
        }
        return words;
    }

    /** How to list them yourself on {@code platform}. */
    static String byHand(Platform platform, int port) {
        return switch (platform.os()) {
            case LINUX -> "`ss -tan state time-wait` lists them";
            case MAC -> "`netstat -an -p tcp | grep TIME_WAIT` lists them";
            case WINDOWS ->
                    "`netstat -ano | findstr :"
                            + port
                            + "` lists them, with process id 0 and the state in your display"
                            + " language (a German Windows writes WARTEND)";
            case OTHER -> "`netstat -an` may list them";
        };
    }

    private static String fewer(Platform platform) {
        if (platform.os() == OperatingSystem.LINUX) {
            return "Fewer sockets than connections: a port still in TIME_WAIT may be taken again"
                    + " for a new connection to the same listener (Linux allows it on loopback when"
                    + " net.ipv4.tcp_tw_reuse is 2, its default), and that ends its wait.";
        }
        return "Fewer sockets than connections: the wait of the sweep's first connections may"
                + " have ended before the list was read.";
    }

    private static String noneListed(Platform platform, int port) {
        return switch (platform.os()) {
            case MAC ->
                    "The list held none of them, though the clients closed first. OS X 10.10's"
                            + " netstat left TIME_WAIT sockets out of its list (Apple bug 22975100,"
                            + " https://github.com/lionheart/openradar-mirror/issues/8270); a Mac"
                            + " that does the same shows 0 here.";
            case WINDOWS ->
                    "The list held none of them, though the clients closed first. The lab knows a"
                            + " TIME_WAIT row by its word or, in a language it has no record of, by"
                            + " process id 0; `netstat -ano | findstr :"
                            + port
                            + "` shows what Windows printed.";
            default ->
                    "The list held none of them, though the clients closed first: their wait may"
                            + " have ended before the list was read.";
        };
    }

    /** The note of a count that could not be taken: which list, and why. */
    static String notRead(String source, String reason) {
        return source + " could not be read (" + reason + ")";
    }

    /**
     * What is said where the list could not be read: plainly that nothing was counted, who holds
     * TIME_WAIT, for how long on {@code platform}, and how to look by hand.
     */
    static String uncounted(Platform platform, TimeWait timeWait, int port) {
        return "The lab could not read this system's socket list, so on "
                + platform.name()
                + " it did not count them. The client side closed first, so it is the client"
                + " sockets that wait in TIME_WAIT, "
                + ConnectBudget.waitWords(timeWait)
                + "; "
                + byHand(platform, port)
                + ".";
    }
}
