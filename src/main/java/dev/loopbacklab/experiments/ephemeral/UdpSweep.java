package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** {@code ephemeral-udp}: the bind(0) sweep again, for UDP sockets. */
final class UdpSweep extends AbstractExperiment {

    UdpSweep() {
        super(
                "ephemeral-udp",
                "UDP port 0",
                "Binds a UDP socket on 127.0.0.1 to port 0 many times, closing each at once, and charts"
                        + " the ports the OS chose: does UDP follow TCP's pattern?",
                EphemeralTopic.countParam("UDP binds"));
    }

    @Override
    public void run(Params params, Report report) throws IOException {
        int count = (int) params.integer("count");
        EphemeralRange range = EphemeralTopic.rangeForCharts(report);
        Sweep.Result result = sweep(count, report);
        PortSample sample = PortSample.of(result.ports(), range, result.nanos());
        SampleLines.facts(report, sample, range);
        report.emit(PortHistogram.chart("UDP bind(0)", result.ports(), range));
        report.say("What this machine shows: " + BindPatterns.describe(sample) + ".");
        if (sample.count() < BindPatterns.ENOUGH) {
            return;
        }
        report.say(
                sample.parity().equals("both")
                        ? "UDP uses both parities: TCP's odd/even split is a TCP rule. (On Linux,"
                                + " udp_lib_get_port() starts at a random port anywhere in the range.)"
                        : "Every port has the same parity: this OS splits UDP ports by parity too.");
    }

    /** Binds {@code count} UDP sockets to 127.0.0.1:0, each closed before the next. */
    static Sweep.Result sweep(int count, Report report) throws IOException {
        InetAddress loopback = IpLiteral.loopbackV4();
        return Sweep.run(
                count,
                report,
                "UDP bind(0)",
                () -> {
                    try (DatagramSocket socket =
                            new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                        return socket.getLocalPort();
                    }
                });
    }
}
