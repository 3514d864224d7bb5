package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-busy}: the challenge "make port N busy". Passes only if the lab cannot bind
 * 127.0.0.1:N because someone holds it, and says who, where the OS tells.
 */
public final class PortBusyCheck implements Check {
    static final int DEFAULT_PORT = 62894;

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "port-busy",
                    "Challenge: make port " + DEFAULT_PORT + " busy",
                    "Start any program that listens on the port (on 127.0.0.1, or on every address), then"
                            + " press Check: the lab tries to bind 127.0.0.1 on that port and passes if it cannot.",
                    ParamSpec.port("port", DEFAULT_PORT, "the port to make busy"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        Bind.Result result = Bind.tcpAndClose(IpLiteral.loopbackV4(), port);
        if (result.bound()) {
            report.verdict(
                    false,
                    "Port "
                            + port
                            + " is free: the lab could bind 127.0.0.1:"
                            + port
                            + " (and closed it again).",
                    "Start a listener first, for example in JShell: var s = new java.net.ServerSocket();"
                            + " s.bind(new java.net.InetSocketAddress(\"127.0.0.1\", "
                            + port
                            + "));",
                    "Keep it open while you press Check.");
            return;
        }
        if (!result.inUse()) {
            report.verdict(
                    false,
                    "The lab could not tell whether port " + port + " is busy: " + result.result(),
                    PortPrivilegedExperiment.PERMISSION_DENIED.equals(
                                    result.exception().getMessage())
                            ? "Ports this low need privileges to bind; pick a port from 1024 up."
                            : "Binding failed for a reason other than \"" + Bind.IN_USE + "\".");
            return;
        }
        List<String> details = new ArrayList<>();
        details.add("Binding 127.0.0.1:" + port + " said: " + result.result());
        List<PortHolders.Holder> holders = PortHolders.of(port);
        if (!SocketTable.available()) {
            details.add("Held by: unknown (this OS does not let the lab read its socket table).");
        } else if (holders.isEmpty()) {
            details.add("Held by: unknown (no socket on that port showed up in /proc/net/tcp*).");
        }
        for (PortHolders.Holder holder : holders) {
            details.add("Held by: " + holder.describe());
        }
        report.verdict(
                true,
                "Port " + port + " is busy: someone holds it.",
                details.toArray(String[]::new));
    }
}
