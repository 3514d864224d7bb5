package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds four listeners (127.0.0.1, 0.0.0.0, ::1, ::), each on a port the OS picks, and tries to
 * connect to each through 127.0.0.1, 127.0.0.2 and ::1, and, if asked, through this machine's own
 * network addresses. The table it shows is the whole lesson in one picture.
 */
public final class ExposureMatrix implements Experiment {
    private static final List<InetAddress> LISTENERS =
            List.of(Addresses.LOOPBACK, Addresses.ANY_V4, Addresses.LOOPBACK_V6, Addresses.ANY_V6);

    private final Machine machine;

    /** The matrix on {@code machine}; {@link Machine#real()} outside tests. */
    public ExposureMatrix(Machine machine) {
        this.machine = machine;
    }

    @Override
    public String id() {
        return "exposure-matrix";
    }

    @Override
    public String title() {
        return "One server, four addresses: who can reach it?";
    }

    @Override
    public String description() {
        return "Starts listeners on 127.0.0.1, 0.0.0.0, ::1 and :: and tries to connect to each through"
                + " 127.0.0.1, 127.0.0.2 and ::1. Tick lan to also try this machine's own network addresses.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.bool(
                        "lan",
                        false,
                        "also probe this machine's own network addresses,"
                                + " read from its interfaces (the packets still never leave this machine)"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        boolean ipv6 = machine.ipv6().getAsBoolean();
        boolean second = machine.secondLoopback().getAsBoolean();
        List<InetAddress> lan = params.bool("lan") ? machine.lanAddresses().get() : List.of();
        Column.warnings(second, ipv6).forEach(report::warn);
        if (params.bool("lan")) {
            report.say(
                    lan.isEmpty()
                            ? "This machine has no network address besides loopback to try."
                            : "Also probing this machine's own addresses: "
                                    + String.join(
                                            ", ", lan.stream().map(IpLiteral::format).toList())
                                    + ".");
        }
        List<Column> columns = Column.standard(second, ipv6, lan);
        List<String> headers = new ArrayList<>(List.of("listener", "port"));
        columns.forEach(c -> headers.add(c.header()));
        headers.add("reading");
        List<List<String>> rows = new ArrayList<>();
        boolean dualStack = false;
        for (InetAddress bound : LISTENERS) {
            report.checkCancelled();
            boolean v6 = bound instanceof java.net.Inet6Address;
            if (v6 && !ipv6) {
                rows.add(skipped(bound, columns.size(), "skipped: no IPv6"));
                continue;
            }
            List<String> row = new ArrayList<>(List.of(IpLiteral.format(bound)));
            try (ServerSocketChannel listener = Reach.listen(bound)) {
                report.closeOnCancel(listener);
                int port = Reach.port(listener);
                row.add(Integer.toString(port));
                List<String> reached = new ArrayList<>();
                List<String> notReached = new ArrayList<>();
                for (Column column : columns) {
                    report.checkCancelled();
                    if (column.missing() != null) {
                        row.add(column.missing());
                        continue;
                    }
                    ProbeResult result = Reach.probe(column.address(), port);
                    row.add(Reach.cell(result));
                    (result.connected() ? reached : notReached)
                            .add(IpLiteral.format(column.address()));
                }
                row.add(
                        Reading.of(
                                IpLiteral.format(bound),
                                bound.isAnyLocalAddress(),
                                reached,
                                notReached));
                dualStack |= bound.equals(Addresses.ANY_V6) && reached.contains("127.0.0.1");
            } catch (IOException e) {
                report.warn("Could not bind " + IpLiteral.format(bound) + ": " + e);
                rows.add(skipped(bound, columns.size(), "could not bind"));
                continue;
            }
            rows.add(row);
        }
        report.table(
                "Listener × probe (each listener on its own port, "
                        + Reach.TIMEOUT.toMillis()
                        + " ms per attempt)",
                headers,
                rows);
        if (dualStack) {
            report.say(
                    "The :: listener accepted IPv4 clients too: Java opens IPv6 sockets as dual-stack"
                            + " (IPV6_V6ONLY is false by default), so :: means every IPv4 and every IPv6 address.");
        }
        report.say(
                "Only the 127.0.0.1 and ::1 rows are private. A wildcard (0.0.0.0 or ::) answers on"
                        + " every address this machine has, including the one other machines use to reach it.");
    }

    private static List<String> skipped(InetAddress bound, int columns, String why) {
        List<String> row = new ArrayList<>(List.of(IpLiteral.format(bound), "-"));
        for (int i = 0; i < columns; i++) {
            row.add(why);
        }
        row.add("bound to " + IpLiteral.format(bound) + ": " + why);
        return row;
    }
}
