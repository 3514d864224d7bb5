package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code localhost-both} tells the learner, from the facts alone: both families must answer,
 * and the OS's own list of listeners (/proc on Linux, lsof on macOS, netstat on Windows) says
 * whether through two loopback listeners or a wildcard.
 */
final class BothVerdict {
    private BothVerdict() {}

    /**
     * The check's answer.
     *
     * @param passed true if both 127.0.0.1 and ::1 answer (or this machine has no IPv6)
     * @param summary the first line
     * @param details the probes and the listed sockets, one line each
     * @param warnings what the learner should know first
     */
    record Judgement(boolean passed, String summary, List<String> details, List<String> warnings) {}

    static Judgement of(BothFacts facts) {
        int port = facts.port();
        String four = "127.0.0.1:" + port;
        String six = "[::1]:" + port;
        List<String> details = new ArrayList<>();
        details.add(four + " → " + Loopbacks.cell(facts.v4()));
        facts.v6().ifPresent(r -> details.add(six + " → " + Loopbacks.cell(r)));
        boolean v4 = facts.v4().connected();
        boolean v6 = facts.v6().map(ProbeResult::connected).orElse(false);
        if (!v4 && !v6) {
            return fail(
                    "Nothing is listening on "
                            + four
                            + (facts.v6().isEmpty() ? "" : " or " + six)
                            + ". Start your server first, and check that it uses port "
                            + port
                            + ".",
                    details);
        }
        if (facts.v6().isEmpty()) {
            return new Judgement(
                    true,
                    "Your server answers on "
                            + four
                            + ", and this machine has no IPv6 for a client to pick, so localhost"
                            + " can only mean 127.0.0.1 here.",
                    details,
                    List.of(
                            "IPv6 is not available on this machine, so no client here can pick"
                                    + " ::1."));
        }
        if (!v4 || !v6) {
            String missing = v4 ? "::1" : "127.0.0.1";
            return fail(
                    "Only "
                            + (v4 ? "IPv4" : "IPv6")
                            + " answers: "
                            + (v4 ? four : six)
                            + " connects, "
                            + (v4 ? six : four)
                            + " refuses. A client that tries "
                            + missing
                            + " first gets \"Connection refused\"."
                            + (facts.platform().slowRefusal()
                                    ? " (On Windows most programs get it only after about 2 s"
                                            + " of retries.)"
                                    : "")
                            + " Add a second listener on "
                            + missing
                            + ", same port "
                            + port
                            + ".",
                    details);
        }
        return both(facts, details);
    }

    /** Both answered; the OS's list says whether by two loopback listeners or a wildcard. */
    private static Judgement both(BothFacts facts, List<String> details) {
        int port = facts.port();
        String answer = "Both 127.0.0.1:" + port + " and [::1]:" + port + " answer.";
        String command = facts.platform().listenersCommand();
        if (facts.table().isEmpty()) {
            return pass(
                    answer
                            + " (The lab could not read this machine's list of listeners ("
                            + command
                            + "), so it cannot tell two loopback listeners from a wildcard; make"
                            + " sure you bound 127.0.0.1 and ::1, not 0.0.0.0 or ::.)",
                    details);
        }
        List<SocketTable.Entry> listeners = facts.table().get();
        listeners.forEach(
                e -> details.add("socket table: " + e.protocol() + " LISTEN " + e.localEndpoint()));
        List<SocketTable.Entry> open = listeners.stream().filter(e -> !e.isLoopbackOnly()).toList();
        if (!open.isEmpty()) {
            return pass(
                    "Works, but exposed: both families answer because your server listens on "
                            + open.get(0).localEndpoint()
                            + ", which is every interface, the network included (see lesson 04)."
                            + " The safe answer is two listeners, one on 127.0.0.1 and one on ::1.",
                    details);
        }
        if (listeners.isEmpty()) {
            return pass(
                    answer
                            + " ("
                            + command
                            + " lists no listener on port "
                            + port
                            + (facts.platform().os() == OperatingSystem.MAC
                                    ? " for you: without sudo, lsof lists only your own"
                                            + " processes' sockets"
                                    : "")
                            + ", so the lab cannot say how.)",
                    details);
        }
        return pass(
                "Both families answer, each on loopback only: 127.0.0.1:"
                        + port
                        + " and [::1]:"
                        + port
                        + ". That is the safe answer: any client that resolves localhost gets in,"
                        + " and nothing from the network does.",
                details);
    }

    private static Judgement pass(String summary, List<String> details) {
        return new Judgement(true, summary, details, List.of());
    }

    private static Judgement fail(String summary, List<String> details) {
        return new Judgement(false, summary, details, List.of());
    }
}
