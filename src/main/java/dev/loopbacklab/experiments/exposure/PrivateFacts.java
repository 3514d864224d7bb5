package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What exposure-private saw on this machine, gathered by {@link PrivateCheck} and judged by {@link
 * PrivateVerdict}, which tests run on Linux, macOS and Windows facts alike.
 *
 * @param port the learner's port
 * @param platform the system, for its words
 * @param loopback the probe of 127.0.0.1
 * @param ipv6 the probe of ::1, where IPv6 exists
 * @param second the probe of 127.0.0.2, where it is configured (not on a default Mac)
 * @param table the listeners on {@code port} the OS lists; empty where no table can be read
 * @param lan the probes of this machine's own addresses; empty unless asked for
 */
record PrivateFacts(
        int port,
        Platform platform,
        ProbeResult loopback,
        Optional<ProbeResult> ipv6,
        Optional<ProbeResult> second,
        Optional<List<SocketTable.Entry>> table,
        Optional<List<Probed>> lan) {

    /** One of this machine's own addresses and what it answered. */
    record Probed(InetAddress address, ProbeResult result) {}

    /** True if the OS listed at least one listener on the port. */
    boolean tableShowsPort() {
        return table.map(rows -> !rows.isEmpty()).orElse(false);
    }
}
