package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * {@code ephemeral-listen-sweep}: binds a server socket to port 0 again and again, once with
 * SO_REUSEADDR on (Java's default for {@link ServerSocket} on Linux) and once with it off, and
 * shows where in the range the OS put them.
 */
final class ListenSweep extends AbstractExperiment {
    static final String REUSE_ON = "SO_REUSEADDR on";
    static final String REUSE_OFF = "SO_REUSEADDR off";

    ListenSweep() {
        super(
                "ephemeral-listen-sweep",
                "Where does bind(0) land?",
                "Binds a server socket on 127.0.0.1 to port 0 many times, closing each at once, with"
                        + " SO_REUSEADDR on and off, and charts the ports the OS chose.",
                EphemeralTopic.countParam("binds per sweep"));
    }

    @Override
    public void run(Params params, Report report) throws IOException {
        int count = (int) params.integer("count");
        EphemeralRange range = EphemeralTopic.rangeForCharts(report);
        boolean javaDefault;
        try (ServerSocket probe = new ServerSocket()) {
            javaDefault = probe.getReuseAddress();
        }
        report.fact(
                "Java's default for a new ServerSocket here",
                javaDefault ? "SO_REUSEADDR on" : "SO_REUSEADDR off");
        report.say(
                "Binding "
                        + SampleLines.number(count)
                        + " times with "
                        + REUSE_ON
                        + ", then "
                        + SampleLines.number(count)
                        + " times with it off; each socket is closed at once.");
        Sweep.Result on = sweep(count, true, report);
        Sweep.Result off = sweep(count, false, report);
        PortSample withReuse = PortSample.of(on.ports(), range, on.nanos());
        PortSample without = PortSample.of(off.ports(), range, off.nanos());
        report.table(
                "bind(0) on 127.0.0.1, " + SampleLines.number(count) + " times each",
                List.of("", REUSE_ON, REUSE_OFF),
                SampleLines.rows(range, List.of(withReuse, without)));
        report.emit(PortHistogram.chart("bind(0) with " + REUSE_ON, on.ports(), range));
        report.emit(PortHistogram.chart("bind(0) with " + REUSE_OFF, off.ports(), range));
        BindPatterns.explain(report, Platform.current(), range, withReuse, without);
    }

    /** Binds {@code count} server sockets to 127.0.0.1:0, each closed before the next. */
    static Sweep.Result sweep(int count, boolean reuseAddress, Report report) throws IOException {
        InetAddress loopback = IpLiteral.loopbackV4();
        String label = "bind(0) with SO_REUSEADDR " + (reuseAddress ? "on" : "off");
        return Sweep.run(
                count,
                report,
                label,
                () -> {
                    try (ServerSocket server = new ServerSocket()) {
                        server.setReuseAddress(reuseAddress);
                        server.bind(new InetSocketAddress(loopback, 0));
                        return server.getLocalPort();
                    }
                });
    }
}
