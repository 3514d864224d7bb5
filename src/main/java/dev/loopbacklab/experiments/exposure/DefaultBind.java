package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.WildcardGuard;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates a server the way many tutorials do, {@code new ServerSocket(port)}, and shows that it
 * listens on the wildcard address; then the one-argument fix, bound to loopback. Both are probed
 * through 127.0.0.2, which only a wildcard answers.
 */
public final class DefaultBind extends AbstractExperiment {
    private final Machine machine;

    /** The experiment on {@code machine}; {@link Machine#real()} outside tests. */
    public DefaultBind(Machine machine) {
        super(
                "exposure-default-bind",
                "new ServerSocket(port) listens on every interface",
                "A server made as in the Java Tutorial's EchoServer, with no address, next to the same"
                        + " server bound to the loopback address; both probed through 127.0.0.1 and 127.0.0.2.");
        this.machine = machine;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        InetAddress other = otherAddress(report);
        // Port 0 stands in for the tutorial's fixed port, so this never collides with anything.
        try (ServerSocket tutorial = new ServerSocket(0);
                ServerSocket fixed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            WildcardGuard.guard(tutorial, Guarded.warn(report));
            report.closeOnCancel(tutorial);
            report.closeOnCancel(fixed);
            report.fact(
                    "new ServerSocket(0).getInetAddress()",
                    IpLiteral.format(tutorial.getInetAddress()),
                    "",
                    "the wildcard: no address given means every address");
            List<String> headers =
                    new ArrayList<>(
                            List.of(
                                    "created with",
                                    "getInetAddress()",
                                    "socket table entry",
                                    "via 127.0.0.1"));
            if (other != null) {
                headers.add("via " + IpLiteral.format(other));
            }
            headers.add("reading");
            // Read once, with both servers listening: lsof or netstat takes a moment.
            Optional<List<SocketTable.Entry>> listeners = machine.listeners().get();
            Table table = new Table(other, listeners, machine.platform());
            List<List<String>> rows =
                    List.of(
                            row("new ServerSocket(port)", tutorial, table, report),
                            row(
                                    "new ServerSocket(port, 50, InetAddress.getLoopbackAddress())",
                                    fixed,
                                    table,
                                    report));
            report.table("The tutorial's server and the fixed one", headers, rows);
        }
        report.say(
                "A wildcard listener answers on every address of this machine: its Wi-Fi and"
                        + " Ethernet addresses too, so anyone on the same network can connect unless a firewall"
                        + " stops them. The fix is one argument: the address to bind.");
    }

    private InetAddress otherAddress(Report report) {
        if (machine.secondLoopback().getAsBoolean()) {
            return Addresses.SECOND;
        }
        boolean ipv6 = machine.ipv6().getAsBoolean();
        report.warn(
                "127.0.0.2 is not configured on this OS, so it cannot be probed. "
                        + machine.platform().loopbackAliasNote()
                        + " "
                        + (ipv6
                                ? "Probing through ::1 instead: a Java wildcard answers there too, 127.0.0.1 does not."
                                : "With no IPv6 either, only 127.0.0.1 is probed, and it reaches both servers."));
        return ipv6 ? Addresses.LOOPBACK_V6 : null;
    }

    /** What every row needs: the second address probed, the OS's list and its words. */
    private record Table(
            InetAddress other, Optional<List<SocketTable.Entry>> listeners, Platform platform) {}

    private static List<String> row(String how, ServerSocket server, Table table, Report report) {
        InetAddress other = table.other();
        report.checkCancelled();
        int port = server.getLocalPort();
        List<String> row =
                new ArrayList<>(
                        List.of(
                                how,
                                IpLiteral.format(server.getInetAddress()),
                                tableEntry(port, table.listeners(), table.platform())));
        List<String> reached = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        List<InetAddress> vias =
                other == null ? List.of(Addresses.LOOPBACK) : List.of(Addresses.LOOPBACK, other);
        for (InetAddress via : vias) {
            ProbeResult result = Reach.probe(via, port);
            row.add(Reach.cell(result));
            (result.connected() ? reached : notReached).add(IpLiteral.format(via));
        }
        InetAddress bound = server.getInetAddress();
        row.add(
                Reading.of(
                        IpLiteral.format(bound), bound.isAnyLocalAddress(), reached, notReached));
        return row;
    }

    /**
     * How the OS lists the socket, e.g. {@code tcp6 [::]:40209}; where the list cannot be read, the
     * command that shows it on this system.
     */
    static String tableEntry(
            int port, Optional<List<SocketTable.Entry>> listeners, Platform platform) {
        if (listeners.isEmpty()) {
            return "not readable here; try: " + platform.listenersCommand();
        }
        List<String> found =
                listeners.get().stream()
                        .filter(entry -> entry.localPort() == port)
                        .map(entry -> entry.protocol() + " " + entry.localEndpoint())
                        .toList();
        return found.isEmpty() ? "not listed" : String.join(", ", found);
    }
}
