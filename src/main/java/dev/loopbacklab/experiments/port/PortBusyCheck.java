package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-busy}: the challenge "make port N busy". Passes only if the lab cannot bind
 * 127.0.0.1:N because someone holds it, and says who, where the OS tells.
 */
public final class PortBusyCheck extends AbstractCheck {
    static final int DEFAULT_PORT = 62894;

    public PortBusyCheck() {
        super(
                "port-busy",
                "Challenge: make port " + DEFAULT_PORT + " busy",
                "Start any program that listens on the port (on 127.0.0.1, or on every address), then"
                        + " press Check: the lab tries to bind 127.0.0.1 on that port and passes if it cannot.",
                ParamSpec.port("port", DEFAULT_PORT, "the port to make busy"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        Platform platform = Platform.current();
        List<PortBusyReading.Attempt> attempts =
                List.of(
                        PortBusyReading.Attempt.of(
                                "127.0.0.1", Bind.tcpAndClose(IpLiteral.loopbackV4(), port)),
                        PortBusyReading.Attempt.of(
                                "[::1]", Bind.tcpAndClose(IpLiteral.loopbackV6(), port)),
                        PortBusyReading.Attempt.of(
                                "0.0.0.0", Bind.tcpAndClose(Bind.address(0, 0, 0, 0), port)));
        boolean inUse = attempts.stream().anyMatch(a -> a.failure() == BindFailure.IN_USE);
        ExcludedPorts excluded =
                inUse && platform.hasExcludedRanges()
                        ? ExcludedPorts.detect()
                        : ExcludedPorts.none();
        PortBusyReading.Verdict verdict =
                PortBusyReading.of(platform, port, attempts, excluded, PrivilegedPorts.current());
        List<String> details = new ArrayList<>(verdict.details());
        if (verdict.passed()) {
            List<PortHolders.Holder> holders = PortHolders.of(port);
            if (!SocketTable.listable()) {
                details.add(
                        "Held by: unknown here; "
                                + platform.listenersCommand()
                                + " in a terminal names the program.");
            } else if (holders.isEmpty()) {
                details.add(
                        "Held by: unknown (no socket on that port showed up in "
                                + SocketTable.listingSource()
                                + ").");
            }
            for (PortHolders.Holder holder : holders) {
                details.add("Held by: " + holder.describe());
            }
        }
        report.verdict(verdict.passed(), verdict.headline(), details.toArray(String[]::new));
    }
}
