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
}
