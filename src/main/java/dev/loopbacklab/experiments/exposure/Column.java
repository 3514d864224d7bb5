package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.IpLiteral;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One address to probe through, or the reason it cannot be.
 *
 * @param address the address a probe connects to
 * @param missing null when it can be probed, else why not (shown in its cells)
 */
record Column(InetAddress address, String missing) {

    String header() {
        return "via " + IpLiteral.format(address);
    }

    /** 127.0.0.1, 127.0.0.2 and ::1, then the LAN addresses when asked for. */
    static List<Column> standard(boolean secondLoopback, boolean ipv6, List<InetAddress> lan) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(Addresses.LOOPBACK, null));
        columns.add(
                new Column(Addresses.SECOND, secondLoopback ? null : "not configured on this OS"));
        columns.add(new Column(Addresses.LOOPBACK_V6, ipv6 ? null : "skipped: no IPv6"));
        lan.forEach(address -> columns.add(new Column(address, null)));
        return columns;
    }

    /** The warnings a learner needs when a standard column cannot be probed. */
    static List<String> warnings(boolean secondLoopback, boolean ipv6) {
        List<String> warnings = new ArrayList<>();
        if (!secondLoopback) {
            warnings.add(
                    "127.0.0.2 is not configured on this machine, so nothing is probed through it."
                            + " Linux answers on all of 127.0.0.0/8; macOS has only 127.0.0.1 on lo0 until you add"
                            + " an alias (sudo ifconfig lo0 alias 127.0.0.2 up).");
        }
        if (!ipv6) {
            warnings.add(
                    "IPv6 is not available here: the ::1 and :: listeners and the ::1 probes are"
                            + " skipped.");
        }
        return warnings;
    }
}
