package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The challenge: run a server that only this machine can reach. It passes when 127.0.0.1:port
 * answers and 127.0.0.2:port refuses (a wildcard would answer there too), nothing in the OS's
 * socket table listens on the port beyond loopback, and, if asked, none of this machine's own
 * network addresses answers.
 */
public final class PrivateCheck implements Check {
    /** The port the lesson suggests; any free port works. */
    public static final int SUGGESTED_PORT = 7008;

    private final Machine machine;

    /** The check on {@code machine}; {@link Machine#real()} outside tests. */
    public PrivateCheck(Machine machine) {
        this.machine = machine;
    }

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "exposure-private",
                    "Run a server that only this machine can reach",
                    "Start a server bound to 127.0.0.1 on the port below, then check: it must answer on"
                            + " 127.0.0.1 and refuse on 127.0.0.2, which only a wildcard bind would answer.",
                    ParamSpec.port("port", SUGGESTED_PORT, "the port your server listens on"),
                    ParamSpec.bool(
                            "lan",
                            false,
                            "also try this machine's own network addresses, read from"
                                    + " its interfaces (the packets still never leave this machine)"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        boolean ipv6 = machine.ipv6().getAsBoolean();
        List<String> details = new ArrayList<>();
        ProbeResult main = probe(Addresses.LOOPBACK, port, details, report.deadline());
        ProbeResult v6 =
                ipv6 ? probe(Addresses.LOOPBACK_V6, port, details, report.deadline()) : null;
        if (!main.connected()) {
            String summary =
                    v6 != null && v6.connected()
                            ? "Nothing answers on 127.0.0.1:"
                                    + port
                                    + ", but something does on [::1]:"
                                    + port
                                    + ". Bind 127.0.0.1, as the challenge asks."
                            : notOnLoopback(port, main, listenersElsewhere(port));
            report.verdict(false, summary, details.toArray(String[]::new));
            return;
        }
        List<String> problems = new ArrayList<>();
        boolean second = machine.secondLoopback().getAsBoolean();
        if (second) {
            if (probe(Addresses.SECOND, port, details, report.deadline()).connected()) {
                problems.add(
                        "it also answers on 127.0.0.2:"
                                + port
                                + ", so it is listening on a wildcard"
                                + " address (0.0.0.0 or ::): every interface, the network included");
            }
        } else {
            report.warn(
                    "127.0.0.2 is not configured on this OS (macOS has only 127.0.0.1 on lo0 by"
                            + " default), so the check cannot use it and judges on what it can see.");
            details.add("127.0.0.2:" + port + " → not probed: not configured on this OS");
        }
        problems.addAll(socketTable(port, details));
        if (!second && !SocketTable.available()) {
            if (v6 != null && v6.connected()) {
                problems.add(
                        "it answers on [::1]:"
                                + port
                                + " as well as 127.0.0.1, which a server bound"
                                + " to 127.0.0.1 never does: most likely a dual-stack wildcard (::)");
            } else if (!params.bool("lan")) {
                // macOS: no 127.0.0.2 and no socket table, so an IPv4 0.0.0.0 server looks
                // exactly like a 127.0.0.1 one. Passing here would tell a learner with a
                // wildcard server that it is private.
                details.add(0, Platform.current().loopbackAliasNote());
                report.verdict(
                        false,
                        "Your server answers on 127.0.0.1:"
                                + port
                                + ", but on this OS the lab cannot tell 127.0.0.1 from the"
                                + " wildcard 0.0.0.0 without more help: tick lan (it then tries"
                                + " this machine's own addresses), or add 127.0.0.2 to the loopback"
                                + " interface, and check again.",
                        details.toArray(String[]::new));
                return;
            }
        }
        if (params.bool("lan")) {
            for (InetAddress own : machine.lanAddresses().get()) {
                report.checkCancelled();
                if (probe(own, port, details, report.deadline()).connected()) {
                    problems.add(
                            "it answers on this machine's network address "
                                    + new Endpoint(own, port)
                                    + ": other machines can reach it");
                }
            }
        }
        if (problems.isEmpty()) {
            report.verdict(
                    true,
                    "Only this machine can reach your server: 127.0.0.1:"
                            + port
                            + " answers"
                            + (second ? " and 127.0.0.2:" + port + " refuses" : "")
                            + ".",
                    details.toArray(String[]::new));
            return;
        }
        details.addAll(0, problems.stream().map(p -> "problem: " + p).toList());
        report.verdict(
                false,
                "Your server on port "
                        + port
                        + " is not private: "
                        + problems.get(0)
                        + ". Bind it to 127.0.0.1.",
                details.toArray(String[]::new));
    }

    /**
     * The verdict's first line when 127.0.0.1 does not answer: "nothing is listening" only when the
     * socket table agrees; a server bound to another address of this machine is named.
     */
    static String notOnLoopback(int port, ProbeResult loopback, List<String> elsewhere) {
        if (!elsewhere.isEmpty()) {
            return "Nothing answers on 127.0.0.1:"
                    + port
                    + ", but the OS lists a listener on "
                    + String.join(", ", elsewhere)
                    + ": your server is bound to another address of this machine, which other"
                    + " machines can reach. Bind it to 127.0.0.1.";
        }
        return "Nothing is listening on 127.0.0.1:"
                + port
                + " ("
                + Reach.cell(loopback)
                + "). Start your server first, and check that it uses port "
                + port
                + ".";
    }

    /** Listening endpoints on {@code port} that are not loopback, from the socket table. */
    private static List<String> listenersElsewhere(int port) {
        if (!SocketTable.available()) {
            return List.of();
        }
        return SocketTable.listening().stream()
                .filter(e -> e.localPort() == port && !e.isLoopbackOnly())
                .map(e -> e.localEndpoint().toString())
                .toList();
    }

    private static ProbeResult probe(
            InetAddress address, int port, List<String> details, Deadline deadline) {
        ProbeResult result = Reach.probe(address, port, deadline);
        details.add(new Endpoint(address, port) + " → " + Reach.cell(result));
        return result;
    }

    /** Listeners on the port that the OS lists on a non-loopback address (Linux only). */
    private static List<String> socketTable(int port, List<String> details) {
        if (!SocketTable.available()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (SocketTable.Entry entry : SocketTable.listening()) {
            if (entry.localPort() != port) {
                continue;
            }
            details.add("socket table: " + entry.protocol() + " LISTEN " + entry.localEndpoint());
            if (!entry.isLoopbackOnly()) {
                problems.add(
                        "the OS lists a listener on "
                                + entry.localEndpoint()
                                + ", "
                                + (entry.localAddress().isAnyLocalAddress()
                                        ? "a wildcard address"
                                        : "a network address")
                                + " that other machines can reach");
            }
        }
        return problems;
    }
}
