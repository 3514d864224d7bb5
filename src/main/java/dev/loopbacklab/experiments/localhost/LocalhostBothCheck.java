package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The challenge: a server that answers on localhost whichever family the client picks. Passes when
 * 127.0.0.1:port and [::1]:port both connect, and says how: two loopback listeners (the safe
 * answer) or a wildcard, which works but listens on every interface.
 */
final class LocalhostBothCheck extends AbstractCheck {
    static final int SUGGESTED_PORT = 7009;
    private final BooleanSupplier ipv6;

    LocalhostBothCheck(BooleanSupplier ipv6) {
        super(
                "localhost-both",
                "Answer on localhost, whichever family the client picks",
                "Start a server on the port below that answers on both 127.0.0.1 and ::1, then"
                        + " check: the lab connects to each.",
                ParamSpec.yourServerPort(SUGGESTED_PORT));
        this.ipv6 = ipv6;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        boolean v6available = ipv6.getAsBoolean();
        List<String> details = new ArrayList<>();
        ProbeResult v4 = probe(Loopbacks.V4, port, details, report.deadline());
        ProbeResult v6 = v6available ? probe(Loopbacks.V6, port, details, report.deadline()) : null;
        String four = "127.0.0.1:" + port;
        String six = "[::1]:" + port;
        if (!v4.connected() && (v6 == null || !v6.connected())) {
            report.verdict(
                    false,
                    "Nothing is listening on "
                            + four
                            + (v6 == null ? "" : " or " + six)
                            + ". Start your server first, and check that it uses port "
                            + port
                            + ".",
                    array(details));
            return;
        }
        if (v6 == null) {
            report.warn("IPv6 is not available on this machine, so no client here can pick ::1.");
            report.verdict(
                    true,
                    "Your server answers on "
                            + four
                            + ", and this machine has no IPv6"
                            + " for a client to pick, so localhost can only mean 127.0.0.1 here.",
                    array(details));
            return;
        }
        if (!v6.connected() || !v4.connected()) {
            boolean onlyFour = v4.connected();
            String missing = onlyFour ? "::1" : "127.0.0.1";
            report.verdict(
                    false,
                    "Only "
                            + (onlyFour ? "IPv4" : "IPv6")
                            + " answers: "
                            + (onlyFour ? four : six)
                            + " connects, "
                            + (onlyFour ? six : four)
                            + " refuses. A"
                            + " client that tries "
                            + missing
                            + " first gets \"Connection refused\". Add a second"
                            + " listener on "
                            + missing
                            + ", same port "
                            + port
                            + ".",
                    array(details));
            return;
        }
        judgeBoth(report, port, details);
    }

    /** Both answered; the socket table says whether by two loopback listeners or a wildcard. */
    private static void judgeBoth(Report report, int port, List<String> details) {
        Optional<List<SocketTable.Entry>> table = SocketTable.listenersIfReadable();
        if (table.isEmpty()) {
            report.verdict(
                    true,
                    "Both 127.0.0.1:"
                            + port
                            + " and [::1]:"
                            + port
                            + " answer. (This OS"
                            + " has no socket table the lab can read, so it cannot tell two loopback listeners from"
                            + " a wildcard; make sure you bound 127.0.0.1 and ::1, not 0.0.0.0 or ::.)",
                    array(details));
            return;
        }
        List<SocketTable.Entry> listeners =
                table.get().stream().filter(e -> e.localPort() == port).toList();
        listeners.forEach(
                e -> details.add("socket table: " + e.protocol() + " LISTEN " + e.localEndpoint()));
        List<SocketTable.Entry> open = listeners.stream().filter(e -> !e.isLoopbackOnly()).toList();
        if (!open.isEmpty()) {
            report.verdict(
                    true,
                    "Works, but exposed: both families answer because your server"
                            + " listens on "
                            + open.get(0).localEndpoint()
                            + ", which is every interface, the"
                            + " network included (see lesson 04). The safe answer is two listeners, one on"
                            + " 127.0.0.1 and one on ::1.",
                    array(details));
        } else if (listeners.isEmpty()) {
            report.verdict(
                    true,
                    "Both 127.0.0.1:"
                            + port
                            + " and [::1]:"
                            + port
                            + " answer. (The"
                            + " socket table shows no listener on that port for this user, so the lab cannot say"
                            + " how.)",
                    array(details));
        } else {
            report.verdict(
                    true,
                    "Both families answer, each on loopback only: 127.0.0.1:"
                            + port
                            + " and [::1]:"
                            + port
                            + ". That is the safe answer: any client that resolves"
                            + " localhost gets in, and nothing from the network does.",
                    array(details));
        }
    }

    private static ProbeResult probe(
            InetAddress address, int port, List<String> details, Deadline deadline) {
        ProbeResult result = Loopbacks.probe(address, port, deadline);
        details.add(new Endpoint(address, port) + " → " + Loopbacks.cell(result));
        return result;
    }

    private static String[] array(List<String> details) {
        return details.toArray(String[]::new);
    }
}
