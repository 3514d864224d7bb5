package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every listening TCP socket of this machine, with its scope, owner, user and IANA category, read
 * the way {@code ss -ltnp} reads it on Linux, from {@code lsof} on macOS and {@code netstat -ano}
 * on Windows; optionally the bound UDP sockets too.
 */
final class ListeningTable extends AbstractExperiment {
    private final SocketSource source;

    /** The experiment on {@code source}; {@link SocketSource#real()} outside tests. */
    ListeningTable(SocketSource source) {
        super(
                "listening-table",
                "Who is listening on this machine?",
                "Lists every listening TCP socket of this machine with the process that owns it and who"
                        + " can reach it, like ss -ltnp (lsof on macOS, netstat -ano on Windows);"
                        + " optionally the bound UDP sockets too.",
                ParamSpec.bool(
                        "udp",
                        false,
                        "also list the UDP sockets that are bound and waiting (UDP has no LISTEN state)"));
        this.source = source;
    }

    @Override
    public void run(Params params, Report report) {
        String os = source.osName();
        boolean udp = params.bool("udp");
        if (!source.available().getAsBoolean()) {
            report.warn(OsCommands.unavailable(os));
            commands(os, report);
            return;
        }
        // said first: naming the owners reads every process's open files, which takes a while
        report.say("Reading the socket table from " + source.from() + "…");
        Snapshot snapshot;
        try {
            snapshot = Snapshot.take(source, udp);
        } catch (UncheckedIOException e) {
            report.warn(OsCommands.failed(source.from(), e, os));
            commands(os, report);
            return;
        }
        long lab = ProcessHandle.current().pid();
        report.table(
                "Listening TCP sockets, by port (" + snapshot.tcp().size() + ")",
                Listener.HEADERS,
                snapshot.tcp().stream().map(l -> l.cells(lab)).toList());
        summarise(snapshot, os, report);
        OsCommands.onlyYours(os).ifPresent(report::warn);
        ownSockets(snapshot, lab, report);
        if (udp) {
            Optional<String> elsewhere = OsCommands.udpElsewhere(os);
            if (elsewhere.isPresent()) {
                report.warn(elsewhere.get());
            } else {
                report.table(
                        "Bound UDP sockets, by port ("
                                + snapshot.udp().size()
                                + "); ss -lunp calls them UNCONN",
                        Listener.HEADERS,
                        snapshot.udp().stream().map(l -> l.cells(lab)).toList());
            }
        }
        report.fact(
                "read the socket table and its owners",
                millis(snapshot.readNanos()),
                "ms",
                "from " + source.from());
        commands(os, report);
    }

    private static void commands(String os, Report report) {
        report.table(
                "The same list with each system's own tools",
                OsCommands.HEADERS,
                OsCommands.rows(os));
    }

    private static void summarise(Snapshot snapshot, String os, Report report) {
        for (Scope scope : Scope.values()) {
            long count = snapshot.count(scope);
            report.fact("listening on " + scope.label(), count, sockets(count), scope.meaning());
        }
        long hidden = snapshot.hidden();
        if (hidden > 0) {
            report.fact(
                    "owner hidden from this user", hidden, sockets(hidden), OsCommands.hidden(os));
        }
    }

    private static void ownSockets(Snapshot snapshot, long lab, Report report) {
        List<String> mine =
                snapshot.tcp().stream()
                        .filter(l -> l.ownedBy(lab))
                        .map(l -> l.entry().localEndpoint())
                        .toList();
        if (mine.isEmpty()) {
            report.warn(
                    "This lab's own process (pid "
                            + lab
                            + ") listens on no TCP port right now: run"
                            + " from the command line, it serves no page.");
        } else {
            report.warn(
                    "This lab's own process (pid "
                            + lab
                            + ") holds "
                            + mine.size()
                            + " of them: "
                            + String.join(", ", mine)
                            + ". In a browser, the lab's page comes through one of these.");
        }
    }

    private static String sockets(long count) {
        return count == 1 ? "socket" : "sockets";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
