package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code port-privileged}: tries the lowest free port on 127.0.0.1 and shows whether this program
 * may have it, then a port the OS picks (never privileged) for contrast.
 */
public final class PortPrivilegedExperiment extends AbstractExperiment {
    /** Busy ports to step over before giving up; each attempt takes microseconds. */
    static final int MAX_BUSY = 20;

    static final String PERMISSION_DENIED = "Permission denied";

    public PortPrivilegedExperiment() {
        super(
                "port-privileged",
                "May this program listen below 1024?",
                "Binds the first free port below 1024 on 127.0.0.1 and explains the answer from the user"
                        + " the lab runs as and this OS's rule; then lets the OS pick a port, for contrast.");
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        PrivilegedPorts rule = PrivilegedPorts.current();
        boolean root = PrivilegedPorts.runningAsRoot();
        boolean mayBind = PrivilegedPorts.mayBindPrivilegedPorts();
        report.fact(
                "the lab runs as",
                root ? "root" : System.getProperty("user.name", "?"),
                "",
                root ? "user id 0, which may bind any port" : "an ordinary user");
        report.fact("ports that need privileges here", rule.rangeWords(), "", rule.source());

        InetAddress loopback = IpLiteral.loopbackV4();
        Set<Integer> listening =
                SocketTable.listenersIfReadable().orElse(List.of()).stream()
                        .map(SocketTable.Entry::localPort)
                        .collect(Collectors.toSet());
        List<List<String>> rows = new ArrayList<>();
        int tried = 0;
        Bind.Result last = null;
        int busy = 0;
        for (int port = 1; port < 1024 && busy < MAX_BUSY; port++) {
            report.checkCancelled();
            if (listening.contains(port)) {
                continue; // a server of this machine is there; binding would only say "in use"
            }
            tried = port;
            last = Bind.tcpAndClose(loopback, port);
            rows.add(
                    List.of(
                            "TCP 127.0.0.1:" + port,
                            last.result(),
                            rule.isPrivileged(port, loopback)
                                    ? "privileged here"
                                    : "not privileged here"));
            if (!last.inUse()) {
                break;
            }
            busy++;
        }
        if (last == null || last.inUse()) {
            report.warn(
                    "Every port tried below 1024 was in use; nothing to learn about privileges.");
        } else {
            report.fact("first free port below 1024", tried);
            report.fact("result", last.result());
            report.say(explain(tried, last, rule, root, mayBind));
        }

        try (ServerSocket picked = new ServerSocket()) {
            picked.bind(new InetSocketAddress(loopback, 0));
            rows.add(
                    List.of(
                            "TCP 127.0.0.1:0 (the OS picks)",
                            Bind.BOUND + " to port " + picked.getLocalPort(),
                            "the OS only hands out ports that need no privileges"));
        }
        report.table("Binding low and high ports", List.of("attempt", "result", "note"), rows);
    }

    /** One sentence that ties the OS's answer to the user and the rule. */
    static String explain(
            int port, Bind.Result result, PrivilegedPorts rule, boolean root, boolean mayBind) {
        // The experiment binds 127.0.0.1: on macOS that is a specific address, not the spared
        // wildcard.
        boolean privileged = rule.isPrivileged(port, IpLiteral.loopbackV4());
        if (result.bound() && !privileged) {
            return "Port "
                    + port
                    + " is not privileged on this machine ("
                    + rule.source()
                    + "), so any user may bind it.";
        }
        if (result.bound()) {
            return "Port "
                    + port
                    + " is privileged here, and the bind worked because the lab runs "
                    + (root
                            ? "as root"
                            : "with the right to bind privileged ports (CAP_NET_BIND_SERVICE)")
                    + ". Run the lab as an ordinary user and the same bind says "
                    + PERMISSION_DENIED
                    + ".";
        }
        if (BindFailure.of(result.exception()) == BindFailure.PERMISSION_DENIED) {
            return "Port "
                    + port
                    + " needs privileges here ("
                    + rule.source()
                    + "), and the lab runs "
                    + (root
                            ? "as root but without the right to bind them (CAP_NET_BIND_SERVICE)"
                            : "as an ordinary user")
                    + (privileged
                            ? "."
                            : "; the OS's rule says the port is free for all, but the OS"
                                    + " refused all the same.")
                    + " Ports from "
                    + Math.max(1, rule.unprivilegedStart())
                    + " up need no privileges."
                    + (rule.wildcardExempt()
                            ? " On this macOS the wildcard is spared: 0.0.0.0:"
                                    + port
                                    + " binds as any user, 127.0.0.1:"
                                    + port
                                    + " does not."
                            : "");
        }
        return "The OS refused port "
                + port
                + " for another reason: "
                + result.result()
                + (mayBind ? "" : " (the lab may not bind privileged ports)")
                + ".";
    }
}
