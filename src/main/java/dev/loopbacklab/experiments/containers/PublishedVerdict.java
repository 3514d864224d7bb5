package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code containers-published} tells the learner, from the facts alone. A published port is
 * private when 127.0.0.1 answers and nothing shows it elsewhere: the OS's list of listeners (/proc
 * on Linux, lsof on macOS, netstat on Windows) and 127.0.0.2, which only a wildcard or a catch-all
 * forwarding rule answers. A default Mac has no 127.0.0.2, and Docker Desktop's wildcard publish is
 * a host process lsof lists; where neither can tell, the check says so instead of passing.
 */
final class PublishedVerdict {
    private PublishedVerdict() {}

    /**
     * What the check saw.
     *
     * @param platform the system, for its words
     * @param port the learner's port
     * @param loopback the probe of 127.0.0.1
     * @param table the listeners on {@code port} the OS lists; empty where none can be read
     * @param second the probe of 127.0.0.2, where it is configured
     * @param fromNamespace true if the answer came from the lab's own namespace service
     */
    record Facts(
            Platform platform,
            int port,
            ProbeResult loopback,
            Optional<List<ListedSocket>> table,
            Optional<ProbeResult> second,
            boolean fromNamespace) {}

    /**
     * The check's answer.
     *
     * @param passed true if only this machine can reach the port
     * @param summary the first line
     * @param details the probes and the table, one line each
     */
    record Verdict(boolean passed, String summary, List<String> details) {}

    static Verdict of(Facts facts) {
        int port = facts.port();
        List<String> details = new ArrayList<>();
        details.add(
                "127.0.0.1:"
                        + port
                        + " → "
                        + facts.loopback().outcome().toString().toLowerCase(Locale.ROOT));
        if (!facts.loopback().connected()) {
            return new Verdict(
                    false,
                    "Nothing answers on 127.0.0.1:"
                            + port
                            + " ("
                            + facts.loopback().detail()
                            + "). Publish your service there, e.g. docker run -p 127.0.0.1:"
                            + port
                            + ":80 nginx, and leave it running while you check.",
                    details);
        }
        List<String> problems = new ArrayList<>();
        String command = facts.platform().listenersCommand();
        if (facts.table().isPresent()) {
            problems.addAll(table(facts, details));
        } else {
            details.add("socket table: not readable here (" + command + "); judged by probes only");
        }
        if (facts.second().isPresent()) {
            if (facts.second().get().connected()) {
                problems.add(
                        "it also answers on 127.0.0.2:"
                                + port
                                + ": it is published on every address (a wildcard, or a"
                                + " forwarding rule for all of this machine's addresses)");
            }
            details.add("127.0.0.2:" + port + " probed: only a wildcard would answer there");
        } else {
            details.add("127.0.0.2 is not configured on this OS; not probed");
        }
        if (facts.fromNamespace()) {
            details.add("the answer came from inside a network namespace");
        }
        if (!problems.isEmpty()) {
            details.addAll(0, problems.stream().map(p -> "problem: " + p).toList());
            return new Verdict(
                    false,
                    "Port "
                            + port
                            + " is published beyond this machine: "
                            + problems.get(0)
                            + ". Publish with -p 127.0.0.1:"
                            + port
                            + ":80, not -p "
                            + port
                            + ":80.",
                    details);
        }
        boolean listed = facts.table().map(rows -> !rows.isEmpty()).orElse(false);
        if (facts.second().isEmpty() && !listed) {
            // A default Mac with a port its lsof does not show (another user's, or lsof
            // failed): a wildcard publish would look exactly like this. Passing here would tell
            // a learner with -p 8080:80 that it is private.
            details.add(0, facts.platform().loopbackAliasNote());
            return new Verdict(
                    false,
                    "Your service answers on 127.0.0.1:"
                            + port
                            + ", but the lab cannot tell a 127.0.0.1 publish from a wildcard one"
                            + " here: 127.0.0.2 is not configured and "
                            + command
                            + " lists nothing on port "
                            + port
                            + " for you. Add 127.0.0.2 to the loopback interface and check again,"
                            + " or read "
                            + command
                            + " yourself: a publish on 127.0.0.1 only is listed as 127.0.0.1:"
                            + port
                            + ".",
                    details);
        }
        String evidence =
                facts.second().isPresent()
                        ? "nothing listens or answers on another address"
                        : "the OS lists it on loopback only";
        return new Verdict(
                true,
                "Published on 127.0.0.1:" + port + " only: it answers there, and " + evidence + ".",
                details);
    }

    /** Listeners on the port outside loopback, named with their owner where it can be read. */
    private static List<String> table(Facts facts, List<String> details) {
        List<String> problems = new ArrayList<>();
        List<ListedSocket> rows = facts.table().orElse(List.of());
        if (rows.isEmpty()) {
            details.add(
                    "socket table: no listener on port "
                            + facts.port()
                            + emptyReason(facts.platform()));
        }
        for (ListedSocket row : rows) {
            SocketTable.Entry entry = row.entry();
            details.add(
                    "socket table: "
                            + entry.protocol()
                            + " LISTEN "
                            + entry.localEndpoint()
                            + row.owner()
                                    .filter(o -> !o.command().isEmpty())
                                    .map(o -> " (" + o.command() + ")")
                                    .orElse(""));
            if (!entry.isLoopbackOnly()) {
                problems.add(
                        "the OS lists a listener on "
                                + entry.localEndpoint()
                                + (entry.localAddress().isAnyLocalAddress()
                                        ? ", every interface"
                                        : ", a network address"));
            }
        }
        return problems;
    }

    /** Why a port that answers can be missing from the list, on this system. */
    private static String emptyReason(Platform platform) {
        if (platform.os() == OperatingSystem.MAC) {
            return " for you (lsof without sudo lists only your own programs)";
        }
        if (platform.os() == OperatingSystem.LINUX) {
            return " (a firewall rule forwards it, as Docker does without its proxy)";
        }
        return "";
    }
}
