package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
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
        EphemeralRange range = EphemeralTopic.rangeForCharts(report, EphemeralRange.detectUdp());
        Sweep.Result result = sweep(count, report);
        PortSample sample = PortSample.of(result.ports(), range, result.nanos());
        SampleLines.facts(report, sample, range);
        report.emit(PortHistogram.chart("UDP bind(0)", result.ports(), range));
        report.say(explain(Platform.current(), sample));
    }

    /**
     * What the sample shows and the kernel rule behind it, named for {@code platform} only: Linux's
     * TCP parity split, and the function that picks UDP ports there, mean nothing on macOS or
     * Windows.
     */
    static String explain(Platform platform, PortSample sample) {
        String seen =
                "What this machine shows: "
                        + BindPatterns.describe(sample)
                        + ". "
                        + platform.udpRangeNote();
        if (sample.count() < BindPatterns.ENOUGH) {
            return seen;
        }
        if (!sample.parity().equals("both")) {
            return seen
                    + " Every port has the same parity: on "
                    + platform.name()
                    + " UDP's bind(0) follows a parity rule too.";
        }
        return seen
                + " UDP uses both parities"
                + switch (platform.os()) {
                    case LINUX ->
                            ": the odd/even split of ephemeral-listen and ephemeral-connect-sweep"
                                    + " is a rule of Linux's TCP code; for UDP, udp_lib_get_port()"
                                    + " starts at a random port anywhere in the range.";
                    case MAC ->
                            ", as TCP does on macOS: its kernel picks the port for both in"
                                    + " in_pcbbind() (xnu's bsd/netinet/in_pcb.c), which has no"
                                    + " parity rule.";
                    case WINDOWS -> "; Windows documents no parity rule for either transport.";
                    default -> ".";
                };
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
