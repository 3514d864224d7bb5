package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.TimeWait;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * {@code ephemeral-connect-sweep}: connects to a local listener again and again and records the
 * source port the OS gave each client, then counts the client sockets left in TIME_WAIT.
 */
final class ConnectSweep extends AbstractExperiment {
    static final String LISTENER = "listener";
    static final String TIME_WAIT = "client sockets left in TIME_WAIT";
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    ConnectSweep() {
        super(
                "ephemeral-connect-sweep",
                "Which source ports do clients get?",
                "Opens many client connections to a listener on 127.0.0.1, closing each at once, shows"
                        + " the source port the OS chose for each, and counts the sockets left in TIME_WAIT.",
                EphemeralTopic.countParam("connections"));
    }

    @Override
    public void run(Params params, Report report) throws IOException {
        int requested = (int) params.integer("count");
        EphemeralRange range = EphemeralTopic.rangeForCharts(report);
        int count = ConnectBudget.cap(requested, range);
        if (count < requested) {
            report.warn(ConnectBudget.warning(requested, range, TimeWait.current()));
        }
        Sweep.Result result;
        int port;
        long timeWaitBefore;
        try (DrainingListener listener = DrainingListener.start()) {
            report.closeOnCancel(listener.socket());
            port = listener.port();
            report.fact(LISTENER, "127.0.0.1:" + port, "", "a port from bind(0)");
            timeWaitBefore = TimeWaitCount.toPort(port).orElse(0);
            InetSocketAddress target = new InetSocketAddress(IpLiteral.loopbackV4(), port);
            result =
                    Sweep.run(
                            count,
                            report,
                            "connect()",
                            () -> {
                                listener.awaitSlot();
                                try (Socket client = new Socket()) {
                                    client.connect(target, CONNECT_TIMEOUT_MILLIS);
                                    return client.getLocalPort();
                                }
                            });
            listener.awaitDrained();
        }
        PortSample sample = PortSample.of(result.ports(), range, result.nanos());
        SampleLines.facts(report, sample, range);
        SourcePortSteps.report(report, result.ports());
        report.emit(PortHistogram.chart("Client source ports", result.ports(), range));
        report.say(explain(Platform.current(), sample, range));
        TimeWaitCount.report(report, port, timeWaitBefore, count);
    }

    /** Names Linux's connect() rule only when at least 99% of the ports follow it. */
    static String explain(Platform platform, PortSample sample, EphemeralRange range) {
        String seen = "What this machine shows: " + BindPatterns.describe(sample) + ".";
        int preferred = (range.first() & 1) == 0 ? sample.even() : sample.odd();
        if (!BindPatterns.linuxRules(platform, range)
                || sample.count() < BindPatterns.ENOUGH
                || preferred * 100L < sample.count() * 99L) {
            return seen;
        }
        return seen
                + " On Linux, connect() prefers ports with the parity of the range's first port,"
                + " the opposite of bind(0), and walks forward from a per-destination offset"
                + " (RFC 6056's double-hash algorithm, in __inet_hash_connect())."
                + (preferred < sample.count()
                        ? " The few others appear once the preferred ports are all in use or in TIME_WAIT."
                        : "");
    }
}
