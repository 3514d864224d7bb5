package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code localhost-mismatch} says about its rows, from the facts alone, so tests can check the
 * words a Linux, macOS and Windows learner reads. The rows are live probes; how long a refusal
 * takes, and so what falling back costs, differs by system: Windows makes most programs wait about
 * 2 s (see {@link Platform#refusalNote()}).
 */
final class MismatchReading {
    private MismatchReading() {}

    /**
     * One probe of the experiment.
     *
     * @param server the address the server was bound to
     * @param tries the address the client tried
     * @param result what happened
     */
    record Probed(String server, String tries, ProbeResult result) {
        /** True for a client that tried the family the server did not bind. */
        boolean otherFamily() {
            return !server.equals(tries);
        }
    }

    /** The warning when ::1 cannot be bound, so only the IPv4 rows ran. */
    static String noIpv6() {
        return "IPv6 is not available here (a listener on ::1 could not be bound), so only the IPv4"
                + " rows were run. On this machine no client can try ::1, so the mismatch cannot"
                + " happen; on most others it can.";
    }

    /**
     * The paragraphs under the table.
     *
     * @param platform the system, for how long refusals take there
     * @param probed the single-address probes: to the server's own address and to the other one
     * @return what to say, in order
     */
    static List<String> sayings(Platform platform, List<Probed> probed) {
        List<String> sayings = new ArrayList<>();
        List<Probed> other = probed.stream().filter(Probed::otherFamily).toList();
        List<Probed> answered = other.stream().filter(p -> p.result().connected()).toList();
        List<Probed> silent =
                other.stream()
                        .filter(p -> p.result().outcome() == ProbeResult.Outcome.TIMED_OUT)
                        .toList();
        if (!answered.isEmpty()) {
            Probed odd = answered.get(0);
            sayings.add(
                    "A client that tried "
                            + odd.tries()
                            + " reached a port the lab bound on "
                            + odd.server()
                            + " only: another program listens on "
                            + odd.tries()
                            + " with the same port number, so this row shows that program, not"
                            + " the mismatch. Run the experiment again for another port.");
        }
        if (!silent.isEmpty()) {
            sayings.add(
                    "A probe to "
                            + silent.get(0).tries()
                            + " timed out instead of being refused: something on this machine"
                            + " drops packets on loopback (a firewall or a security filter),"
                            + " so clients there wait for their own timeout.");
        }
        sayings.add(
                "\"Connection refused\" means nothing listens on that address and port, so the"
                        + " OS answers the attempt with a reset. 127.0.0.1 and ::1 are different"
                        + " addresses, and a socket bound to one does not hear the other. "
                        + platform.refusalNote());
        sayings.add(
                "A client that tries only the first address of localhost fails whenever the"
                        + " server bound the other family. A client that moves on to the next"
                        + " address when one is refused, as Happy Eyeballs (RFC 8305) requires,"
                        + " connects either way, "
                        + (platform.slowRefusal()
                                ? "but on Windows not at once: a client that waits for the"
                                        + " refusal before trying the next address (Python's"
                                        + " create_connection) loses about 2 s, curl starts the"
                                        + " other family after 200 ms, and Java and Node go on at"
                                        + " once."
                                : "a moment later.")
                        + " That is why the same URL works in curl and fails in another tool.");
        return sayings;
    }
}
