package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Platform;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code exposure-matrix} says about its rows, from the facts alone, so tests can check the
 * words a Linux, macOS and Windows learner reads: which loopback addresses exist there (macOS has
 * no 127.0.0.2), and why a Java {@code ::} listener hears IPv4 (the JDK clears IPV6_V6ONLY; only
 * Windows sets it by default).
 */
final class MatrixReading {
    private MatrixReading() {}

    /**
     * One listener's row.
     *
     * @param bound the address it was bound to
     * @param plainJava true for {@code new ServerSocket()} bound to 0.0.0.0
     * @param reached the probe addresses that connected, as text
     */
    record Row(InetAddress bound, boolean plainJava, List<String> reached) {}

    /** The warnings a learner needs when a standard column cannot be probed. */
    static List<String> warnings(Platform platform, boolean secondLoopback, boolean ipv6) {
        List<String> warnings = new ArrayList<>();
        if (!secondLoopback) {
            warnings.add(
                    "127.0.0.2 is not configured on this machine, so nothing is probed through it. "
                            + platform.loopbackAliasNote());
        }
        if (!ipv6) {
            warnings.add(
                    "IPv6 is not available here: the ::1 and :: listeners and the ::1 probes are"
                            + " skipped.");
        }
        return warnings;
    }

    /**
     * The paragraphs under the table.
     *
     * @param platform the system, for its IPV6_V6ONLY default
     * @param ipv6 whether the IPv6 rows and probes ran
     * @param rows the listeners that could be bound
     * @return what to say, in order
     */
    static List<String> sayings(Platform platform, boolean ipv6, List<Row> rows) {
        List<String> sayings = new ArrayList<>();
        // The :: row first: the plain-Java sentence builds on it.
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(
                (a, b) ->
                        Boolean.compare(
                                b.bound().equals(Addresses.ANY_V6),
                                a.bound().equals(Addresses.ANY_V6)));
        for (Row row : ordered) {
            boolean hearsV4 = row.reached().contains("127.0.0.1");
            boolean hearsV6 = row.reached().contains("::1");
            if (row.bound().equals(Addresses.ANY_V6)) {
                sayings.add(
                        hearsV4
                                ? "The :: listener accepted IPv4 clients too, so :: means every"
                                        + " IPv4 and every IPv6 address. "
                                        + platform.dualStackNote()
                                : "The :: listener did not accept 127.0.0.1: this JVM's IPv6"
                                        + " sockets are IPv6-only here, so :: means every IPv6"
                                        + " address and no IPv4 one.");
            } else if (row.plainJava() && ipv6) {
                sayings.add(
                        hearsV6
                                ? "The plain new ServerSocket() bound to 0.0.0.0 answered ::1 too:"
                                        + " the JDK bound it to :: with IPV6_V6ONLY off, so in Java"
                                        + " 0.0.0.0 means every IPv4 and every IPv6 address. Only a"
                                        + " socket opened for IPv4 (or Java started with"
                                        + " -Djava.net.preferIPv4Stack=true) is IPv4 alone."
                                : "The plain new ServerSocket() bound to 0.0.0.0 did not answer"
                                        + " ::1: this JVM opened an IPv4 socket (it runs with"
                                        + " -Djava.net.preferIPv4Stack=true), so its 0.0.0.0 is"
                                        + " IPv4 alone.");
            }
        }
        sayings.add(
                "Only the 127.0.0.1 and ::1 rows are private. A wildcard (0.0.0.0 or ::) answers on"
                        + " every address this machine has, including the one other machines use"
                        + " to reach it.");
        return sayings;
    }
}
