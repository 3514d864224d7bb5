package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;

/** The two loopback addresses, listeners on them, probes to them, and how to write results. */
final class Loopbacks {
    static final InetAddress V4 = IpLiteral.parse("127.0.0.1");
    static final InetAddress V6 = IpLiteral.parse("::1");

    /** Loopback refuses or accepts in microseconds; half a second is only for a stalled machine. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private Loopbacks() {}

    /** True if a listener can be bound to ::1 here: IPv6 is on and Java may use it. */
    static boolean ipv6Available() {
        return Listeners.canOpen(V6);
    }

    static ProbeResult probe(InetAddress address, int port) {
        return probe(address, port, Deadline.none());
    }

    /** One connection attempt, {@link #TIMEOUT} at most and never past {@code deadline}. */
    static ProbeResult probe(InetAddress address, int port, Deadline deadline) {
        return Probe.connect(address, port, deadline.timeout(TIMEOUT));
    }

    static String family(InetAddress address) {
        return address instanceof Inet6Address ? "IPv6" : "IPv4";
    }

    /**
     * The precedence glibc's default table gives a destination. glibc sorts with RFC 3484's table
     * (gai.conf(5) prints it), not RFC 6724's: ::1/128 is 50, IPv4 (as ::ffff:0:0/96) 10, the rest
     * of IPv6 mostly 40. Higher is tried first. (RFC 6724 would give IPv4 35; the order is the
     * same.)
     */
    static int precedence(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return 10;
        }
        return address.isLoopbackAddress() ? 50 : 40;
    }

    /** "connected", "refused: Connection refused", "timed out after 500 ms"… */
    static String cell(ProbeResult result) {
        return result.cell(TIMEOUT);
    }
}
