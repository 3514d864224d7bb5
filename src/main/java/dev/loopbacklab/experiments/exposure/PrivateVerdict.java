package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code exposure-private} tells the learner, from the facts alone. A server is private when
 * 127.0.0.1 answers and nothing shows it elsewhere: 127.0.0.2 (only a wildcard answers there; not
 * configured on a default Mac), ::1 (a Java wildcard is dual-stack), the OS's own list of listeners
 * (/proc on Linux, lsof on macOS, netstat on Windows) and, if asked, this machine's own network
 * addresses. Where none of 127.0.0.2, the list and the LAN probes can tell 127.0.0.1 from an IPv4
 * 0.0.0.0, it says so instead of passing.
 */
final class PrivateVerdict {
    private PrivateVerdict() {}

    /**
     * The check's answer.
     *
     * @param passed true if only this machine can reach the server
     * @param summary the first line
     * @param details the probes and the table, one line each
     * @param warnings what the learner should know about this OS first
     */
    record Judgement(boolean passed, String summary, List<String> details, List<String> warnings) {}

    static Judgement of(PrivateFacts facts) {
        int port = facts.port();
        List<String> details = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        details.add(line(Addresses.LOOPBACK, port, facts.loopback()));
        facts.ipv6().ifPresent(r -> details.add(line(Addresses.LOOPBACK_V6, port, r)));
        boolean v6Answers = facts.ipv6().map(ProbeResult::connected).orElse(false);
        if (!facts.loopback().connected()) {
            String summary =
                    v6Answers
                            ? "Nothing answers on 127.0.0.1:"
                                    + port
                                    + ", but something does on [::1]:"
                                    + port
                                    + ". Bind 127.0.0.1, as the challenge asks."
                            : PrivateCheck.notOnLoopback(port, facts.loopback(), elsewhere(facts));
            return new Judgement(false, summary, details, warnings);
        }
        List<String> problems = new ArrayList<>();
        if (facts.second().isPresent()) {
            ProbeResult second = facts.second().get();
            details.add(line(Addresses.SECOND, port, second));
            if (second.connected()) {
                problems.add(
                        "it also answers on 127.0.0.2:"
                                + port
                                + ", so it is listening on a wildcard"
                                + " address (0.0.0.0 or ::): every interface, the network included");
            }
        } else {
            warnings.add(
                    "127.0.0.2 is not configured on this OS, so the check cannot use it and judges"
                            + " on what it can see. "
                            + facts.platform().loopbackAliasNote());
            details.add("127.0.0.2:" + port + " → not probed: not configured on this OS");
        }
        problems.addAll(table(facts, details));
        if (facts.second().isEmpty() && !facts.tableShowsPort()) {
            if (v6Answers) {
                problems.add(
                        "it answers on [::1]:"
                                + port
                                + " as well as 127.0.0.1, which a server bound"
                                + " to 127.0.0.1 never does: most likely a dual-stack wildcard (::)");
            } else if (facts.lan().isEmpty()) {
                // A default Mac with a server the OS does not list (another user's, or lsof
                // failed): an IPv4 0.0.0.0 server looks exactly like a 127.0.0.1 one. Passing
                // here would tell a learner with a wildcard server that it is private.
                details.add(0, facts.platform().loopbackAliasNote());
                return new Judgement(
                        false,
                        "Your server answers on 127.0.0.1:"
                                + port
                                + ", but the lab cannot tell 127.0.0.1 from the wildcard 0.0.0.0"
                                + " here: 127.0.0.2 is not configured and "
                                + facts.platform().listenersCommand()
                                + " lists nothing on port "
                                + port
                                + " for you. Tick lan (it then tries this machine's own"
                                + " addresses), or add 127.0.0.2 to the loopback interface, and"
                                + " check again.",
                        details,
                        warnings);
            }
        }
        for (PrivateFacts.Probed own : facts.lan().orElse(List.of())) {
            details.add(line(own.address(), port, own.result()));
            if (own.result().connected()) {
                problems.add(
                        "it answers on this machine's network address "
                                + new Endpoint(own.address(), port)
                                + ": other machines can reach it");
            }
        }
        if (problems.isEmpty()) {
            return new Judgement(true, passed(facts), details, warnings);
        }
        details.addAll(0, problems.stream().map(p -> "problem: " + p).toList());
        return new Judgement(
                false,
                "Your server on port "
                        + port
                        + " is not private: "
                        + problems.get(0)
                        + ". Bind it to 127.0.0.1.",
                details,
                warnings);
    }

    /** The pass line names the evidence this OS gave, and no more. */
    private static String passed(PrivateFacts facts) {
        int port = facts.port();
        List<String> evidence = new ArrayList<>();
        evidence.add("127.0.0.1:" + port + " answers");
        if (facts.second().isPresent()) {
            evidence.add("127.0.0.2:" + port + " refuses");
        }
        if (facts.tableShowsPort()) {
            evidence.add("the OS lists it on loopback only");
        }
        return "Only this machine can reach your server: " + String.join(", ", evidence) + ".";
    }

    private static String line(InetAddress address, int port, ProbeResult result) {
        return new Endpoint(address, port) + " → " + Reach.cell(result);
    }

    /** Listening endpoints on the port that are not loopback. */
    private static List<String> elsewhere(PrivateFacts facts) {
        return facts.table().orElse(List.of()).stream()
                .filter(e -> !e.isLoopbackOnly())
                .map(SocketTable.Entry::localEndpoint)
                .toList();
    }

    /** Listeners on the port that the OS lists on a non-loopback address. */
    private static List<String> table(PrivateFacts facts, List<String> details) {
        List<String> problems = new ArrayList<>();
        for (SocketTable.Entry entry : facts.table().orElse(List.of())) {
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
