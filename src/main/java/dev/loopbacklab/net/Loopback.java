package dev.loopbacklab.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/** Checks shared by everything here that opens a connection. */
final class Loopback {

    private Loopback() {}

    /**
     * Refuses any address outside loopback (127.0.0.0/8 and ::1), so no lab code can send a packet
     * to another machine, whatever a learner types.
     */
    static InetAddress require(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "the lab only connects to loopback (127.0.0.0/8 or ::1), not "
                            + AddressText.format(address));
        }
        return address;
    }

    /** A timeout in whole milliseconds, at least 1, because 0 means "wait forever" to sockets. */
    static int timeoutMillis(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
