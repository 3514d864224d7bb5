package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import java.net.InetAddress;
import java.time.Duration;

/** Probing listeners, with the words this lesson uses for the outcomes. */
final class Reach {
    /** Loopback answers in microseconds; half a second only matters if something drops packets. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private Reach() {}

    /** One connection attempt; loopback through {@link Probe#connect}, own addresses otherwise. */
    static ProbeResult probe(InetAddress address, int port) {
        return probe(address, port, Deadline.none());
    }

    /** One connection attempt, {@link #TIMEOUT} at most and never past {@code deadline}. */
    static ProbeResult probe(InetAddress address, int port, Deadline deadline) {
        Duration timeout = deadline.timeout(TIMEOUT);
        return address.isLoopbackAddress()
                ? Probe.connect(address, port, timeout)
                : Probe.connectOwn(address, port, timeout);
    }

    /** A table cell: "connected", "refused: Connection refused", "timed out after 500 ms"… */
    static String cell(ProbeResult result) {
        return result.cell(TIMEOUT);
    }
}
