package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Optional;

/**
 * What localhost-both saw on this machine, gathered by {@link LocalhostBothCheck} and judged by
 * {@link BothVerdict}, which tests run on Linux, macOS and Windows facts alike.
 *
 * @param port the learner's port
 * @param platform the system, for its words
 * @param v4 the probe of 127.0.0.1
 * @param v6 the probe of ::1; empty where IPv6 is not available
 * @param table the listeners on {@code port} the OS lists (/proc, lsof, netstat); empty where the
 *     list could not be read
 */
record BothFacts(
        int port,
        Platform platform,
        ProbeResult v4,
        Optional<ProbeResult> v6,
        Optional<List<SocketTable.Entry>> table) {}
