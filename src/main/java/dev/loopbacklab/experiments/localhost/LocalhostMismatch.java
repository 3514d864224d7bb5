package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The classic failure, live: a server on one loopback address, clients that try the other one
 * first. Shows which clients get "Connection refused" and which fall back and connect.
 */
final class LocalhostMismatch extends AbstractExperiment {
    static final String V6_FIRST =
            "IPv6-first clients: Node 17–19 when ::1 comes first,"
                    + " Java with -Djava.net.preferIPv6Addresses=true";
    static final String V4_FIRST = "Java's default order; anything configured with 127.0.0.1";
    static final String FALLS_BACK =
            "Python's socket.create_connection, curl and Node 20+" + " (Happy Eyeballs, RFC 8305)";
    private final LocalhostLookup lookup;
    private final BooleanSupplier ipv6;
    private final Platform platform;

    LocalhostMismatch(LocalhostLookup lookup, BooleanSupplier ipv6) {
        this(lookup, ipv6, Platform.current());
    }

    /** The experiment with {@code platform}'s words; tests give another system's. */
    LocalhostMismatch(LocalhostLookup lookup, BooleanSupplier ipv6, Platform platform) {
        super(
                "localhost-mismatch",
                "An IPv4 server, an IPv6-first client",
                "Starts a server on 127.0.0.1 only, then one on ::1 only, and connects to each the way"
                        + " different clients do: to the other address, to the same one, and falling back.");
        this.lookup = lookup;
        this.ipv6 = ipv6;
        this.platform = platform;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        boolean v6 = ipv6.getAsBoolean();
        List<List<String>> rows = new ArrayList<>();
        List<MismatchReading.Probed> probed = new ArrayList<>();
        try (ServerSocketChannel server = Listeners.open(Loopbacks.V4, 0)) {
            report.closeOnCancel(server);
            int port = Listeners.port(server);
            report.say(
                    "Started a server on 127.0.0.1:"
                            + port
                            + " only: an IPv4 socket, like a"
                            + " server configured with host 127.0.0.1 or bound by a runtime that prefers IPv4.");
            if (v6) {
                rows.add(row(probed, "127.0.0.1", "::1", port, V6_FIRST));
            }
            rows.add(row(probed, "127.0.0.1", "127.0.0.1", port, V4_FIRST));
            if (v6) {
                rows.add(
                        List.of(
                                "127.0.0.1",
                                "::1, then 127.0.0.1",
                                inOrder(report, port, Loopbacks.V6, Loopbacks.V4),
                                FALLS_BACK));
            }
            rows.add(viaName(report, "127.0.0.1", port));
        }
        if (v6) {
            try (ServerSocketChannel server = Listeners.open(Loopbacks.V6, 0)) {
                report.closeOnCancel(server);
                int port = Listeners.port(server);
                report.say(
                        "Then a server on [::1]:"
                                + port
                                + " only, as a runtime that binds the first"
                                + " address of localhost does where ::1 comes first.");
                rows.add(row(probed, "::1", "127.0.0.1", port, V4_FIRST));
                rows.add(row(probed, "::1", "::1", port, V6_FIRST));
                rows.add(
                        List.of(
                                "::1",
                                "127.0.0.1, then ::1",
                                inOrder(report, port, Loopbacks.V4, Loopbacks.V6),
                                FALLS_BACK));
                rows.add(viaName(report, "::1", port));
            }
        } else {
            report.warn(MismatchReading.noIpv6());
        }
        report.table(
                "Server bound to × client tries → result",
                List.of("server bound to", "client tries", "result", "clients that do this"),
                rows);
        MismatchReading.sayings(platform, probed).forEach(report::say);
    }

    /** One probe to {@code tries} (a literal), recorded for the reading and shown as a row. */
    private static List<String> row(
            List<MismatchReading.Probed> probed,
            String server,
            String tries,
            int port,
            String who) {
        ProbeResult result =
                Loopbacks.probe(tries.equals("::1") ? Loopbacks.V6 : Loopbacks.V4, port);
        probed.add(new MismatchReading.Probed(server, tries, result));
        return row(server, tries + " only", result, who);
    }

    private static List<String> row(String server, String tries, ProbeResult result, String who) {
        return List.of(server, tries, Loopbacks.cell(result), who);
    }

    /** A client that tries each address in turn until one connects, like create_connection. */
    private static String inOrder(Report report, int port, InetAddress... addresses) {
        List<String> steps = new ArrayList<>();
        long start = System.nanoTime();
        for (InetAddress address : addresses) {
            report.checkCancelled();
            ProbeResult result = Loopbacks.probe(address, port);
            steps.add(IpLiteral.format(address) + " " + Loopbacks.cell(result));
            if (result.connected()) {
                return String.join(", then ", steps)
                        + String.format(
                                Locale.ROOT,
                                " (%.0f µs in all)",
                                (System.nanoTime() - start) / 1000.0);
            }
        }
        return String.join(", then ", steps);
    }

    /** What Java's {@code new Socket("localhost", port)} does here: the first address only. */
    private List<String> viaName(Report report, String server, int port) {
        String who = "Java's new Socket(\"localhost\", port) in this JVM";
        List<InetAddress> answer;
        try {
            answer = lookup.addresses();
        } catch (UnknownHostException e) {
            return List.of(server, "localhost", "localhost does not resolve here", who);
        }
        if (answer.isEmpty() || !answer.get(0).isLoopbackAddress()) {
            String first = answer.isEmpty() ? "nothing" : IpLiteral.format(answer.get(0));
            report.warn(
                    "localhost's first address here is " + first + ", not loopback: not tried.");
            return List.of(server, "localhost → " + first, "not tried: not loopback", who);
        }
        InetAddress first = answer.get(0);
        return row(
                server,
                "localhost → " + IpLiteral.format(first) + " (first of " + answer.size() + ")",
                Loopbacks.probe(first, port),
                who);
    }
}
