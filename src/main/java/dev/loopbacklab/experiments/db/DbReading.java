package dev.loopbacklab.experiments.db;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code db-tcp} and {@code db-allow-others} tell the learner, from the facts alone: the
 * listeners the OS lists (/proc on Linux, lsof on macOS, netstat on Windows) and what each loopback
 * address answered. Kept apart from H2 and the sockets so tests can hand it what each system really
 * shows: a Mac has no 127.0.0.2 unless aliased, where a connect only waits; Windows refuses a Java
 * loopback connect at once (JDK 16 and later ask it to; {@link Platform#refusalNote()}).
 */
final class DbReading {
    /** How long a TCP probe waits; a refusal on Linux and macOS takes microseconds. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private DbReading() {}

    /**
     * One loopback address and what it answered; both empty when it was not tried because this
     * system has no such address configured.
     *
     * @param host as written in the JDBC URL
     * @param loopback what {@code InetAddress.isLoopbackAddress()} says about it
     * @param tcp the handshake
     * @param jdbc the session
     */
    record Tried(
            String host,
            boolean loopback,
            Optional<ProbeResult> tcp,
            Optional<LabDatabase.Attempt> jdbc) {}

    /** The listeners on {@code port}, as table rows: protocol, address, loopback only? */
    static List<List<String>> listeningRows(List<SocketTable.Entry> listeners, int port) {
        List<List<String>> rows = new ArrayList<>();
        for (SocketTable.Entry entry : listeners) {
            if (entry.localPort() == port && entry.isListening()) {
                rows.add(
                        List.of(
                                entry.protocol(),
                                entry.localEndpoint(),
                                entry.isLoopbackOnly()
                                        ? "yes"
                                        : "no: every address of this machine"));
            }
        }
        return rows;
    }

    /** What the rows say about where H2 listens. */
    static String listening(List<List<String>> rows) {
        if (rows.stream().anyMatch(row -> row.get(2).startsWith("no"))) {
            return "H2 did not bind 127.0.0.1: it listens on the wildcard address, every address of"
                    + " this machine, even without -tcpAllowOthers.";
        }
        if (rows.isEmpty()) {
            return "The OS lists no listener on H2's port for this user, so the table cannot show"
                    + " where H2 listens.";
        }
        return "H2 listens on 127.0.0.1 only, because the lab sets the system property"
                + " h2.bindAddress=127.0.0.1. Left to itself H2 opens its socket without"
                + " naming an address: every address of this machine, even without"
                + " -tcpAllowOthers. The switch does not choose where H2 listens; it"
                + " decides which connections H2 talks to once they are in.";
    }

    /** The "who gets in" table's rows. */
    static List<List<String>> whoGetsInRows(Platform platform, List<Tried> tried) {
        List<List<String>> rows = new ArrayList<>();
        for (Tried one : tried) {
            rows.add(
                    List.of(
                            one.host(),
                            one.tcp()
                                    .map(r -> r.outcome() + ": " + r.detail())
                                    .orElse(notTried(platform)),
                            one.jdbc().map(LabDatabase.Attempt::outcome).orElse("not tried"),
                            one.loopback() ? "yes" : "no"));
        }
        return rows;
    }

    /** The words after the table: only what the probes showed, with this system's reasons. */
    static String whoGetsIn(Platform platform, List<Tried> tried) {
        List<String> refused = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        for (Tried one : tried) {
            if (one.host().equals("127.0.0.1")) {
                continue;
            }
            if (one.tcp().isEmpty()) {
                skipped.add(one.host());
                continue;
            }
            switch (one.tcp().get().outcome()) {
                case REFUSED -> refused.add(one.host());
                case CONNECTED -> reached.add(one.host());
                default -> silent.add(one.host());
            }
        }
        List<String> words = new ArrayList<>();
        if (!refused.isEmpty()) {
            words.add(
                    "Bound to 127.0.0.1, the server is not even reached through "
                            + String.join(" or ", refused)
                            + ": the operating system refuses "
                            + (refused.size() > 1 ? "those handshakes." : "that handshake."));
        }
        if (!silent.isEmpty()) {
            words.add(
                    "Through "
                            + String.join(" and ", silent)
                            + " no handshake finished within "
                            + PROBE_TIMEOUT.toSeconds()
                            + " s: the operating system neither accepted nor refused it in time."
                            + (platform.slowRefusal()
                                    ? " (Java asks Windows to refuse loopback connects at once,"
                                            + " since JDK 16, so this is not Windows' slow"
                                            + " refusal.)"
                                    : ""));
        }
        for (String host : skipped) {
            words.add(
                    host
                            + " was not tried: "
                            + (host.startsWith("[")
                                    ? "this machine has no IPv6 loopback."
                                    : platform.loopbackAliasNote()));
        }
        if (!reached.isEmpty()) {
            words.add(
                    "Through "
                            + String.join(" and ", reached)
                            + " the handshake succeeded: the server listens on more than"
                            + " 127.0.0.1.");
        }
        words.add(
                "Behind the socket H2 makes its own check: a session is let in when the client's"
                        + " address is a loopback address or one of this machine's own. Had H2"
                        + " listened everywhere, a connection from another machine would finish"
                        + " the TCP handshake and only then be refused by H2.");
        return String.join(" ", words);
    }

    /** The cell of an address this system does not have. */
    static String notTried(Platform platform) {
        return "not tried: not configured on " + platform.name();
    }

    /** db-allow-others' comparison of the two servers, from what the table showed. */
    static String compared(boolean allConnected, List<String> listening, boolean listable) {
        String sessions =
                allConnected
                        ? "From this machine the two servers behave the same: H2 counts a loopback"
                                + " client as local in both modes. Only the status line differs."
                        : "Some sessions failed: compare the two modes in the table.";
        if (!listable) {
            return sessions;
        }
        return sessions
                + (listening.get(0).equals(listening.get(1))
                        ? " The listening address is the same too: " + listening.get(0) + "."
                        : " The listening address differs: "
                                + listening.get(0)
                                + " without, "
                                + listening.get(1)
                                + " with the switch.");
    }
}
