package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The challenge: a server that answers on localhost whichever family the client picks. Passes when
 * 127.0.0.1:port and [::1]:port both connect, and says how: two loopback listeners (the safe
 * answer) or a wildcard, which works but listens on every interface. The probes are live; the words
 * come from {@link BothVerdict}.
 */
final class LocalhostBothCheck extends AbstractCheck {
    static final int SUGGESTED_PORT = 7009;
    private final BooleanSupplier ipv6;
    private final Platform platform;
    private final Supplier<Optional<List<SocketTable.Entry>>> listeners;

    LocalhostBothCheck(BooleanSupplier ipv6) {
        this(ipv6, Platform.current(), SocketTable::listenersIfReadable);
    }

    /** The check with this system's words and list of listeners; tests give their own. */
    LocalhostBothCheck(
            BooleanSupplier ipv6,
            Platform platform,
            Supplier<Optional<List<SocketTable.Entry>>> listeners) {
        super(
                "localhost-both",
                "Answer on localhost, whichever family the client picks",
                "Start a server on the port below that answers on both 127.0.0.1 and ::1, then"
                        + " check: the lab connects to each.",
                ParamSpec.yourServerPort(SUGGESTED_PORT));
        this.ipv6 = ipv6;
        this.platform = platform;
        this.listeners = listeners;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        Deadline deadline = report.deadline();
        ProbeResult v4 = Loopbacks.probe(Loopbacks.V4, port, deadline);
        Optional<ProbeResult> v6 =
                ipv6.getAsBoolean()
                        ? Optional.of(Loopbacks.probe(Loopbacks.V6, port, deadline))
                        : Optional.empty();
        // The list only matters once both answered; lsof and netstat take a moment.
        Optional<List<SocketTable.Entry>> table =
                v4.connected() && v6.map(ProbeResult::connected).orElse(false)
                        ? listeners
                                .get()
                                .map(
                                        rows ->
                                                rows.stream()
                                                        .filter(e -> e.localPort() == port)
                                                        .toList())
                        : Optional.empty();
        BothVerdict.Judgement judgement =
                BothVerdict.of(new BothFacts(port, platform, v4, v6, table));
        judgement.warnings().forEach(report::warn);
        report.verdict(
                judgement.passed(),
                judgement.summary(),
                judgement.details().toArray(String[]::new));
    }
}
