package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.net.UnixEchoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times many round trips of a 16-byte message over TCP, UDP, a Unix domain socket and two
 * in-process hand-offs, and reports the median and the tail of each.
 */
final class EchoRtt extends AbstractExperiment {
    static final long MAX_COUNT = 1_000_000;
    static final int WARM_UP = 500;
    static final int UDP_TIMEOUT_MILLIS = 250;
    static final int MAX_LOSSES_IN_A_ROW = 20;
    static final String TCP = "TCP";

    /** Opens a fresh pinger (server, client and threads) for one transport. */
    interface Opener {
        Pinger open(Report report) throws IOException;
    }

    /** One transport: its name in the table, what a message goes through, and how to open it. */
    record Transport(String name, String path, Opener opener) {}

    EchoRtt() {
        super(
                "echo-rtt",
                "How fast is loopback? Round trips in microseconds",
                "Sends a 16-byte message to an echo server and waits for it, many times, over TCP, UDP,"
                        + " a Unix domain socket and two in-process hand-offs; shows the median and the slow tail.",
                ParamSpec.integer(
                        "count",
                        10_000,
                        1,
                        MAX_COUNT,
                        "round trips per transport, after "
                                + WARM_UP
                                + " uncounted warm-up ones; the time grows with the count, and the"
                                + " progress bar shows how far your machine has got"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int count = (int) params.integer("count");
        List<Transport> transports = transports(report);
        Counter counter = new Counter(report, (long) count * transports.size());
        RttRecorder nanos = new RttRecorder(); // reused for each transport: 36 KB, any count
        List<List<String>> rows = new ArrayList<>();
        List<Event.Bar> medians = new ArrayList<>();
        List<Event.Bar> tcpHistogram = List.of();
        Map<String, RttStats> byTransport = new LinkedHashMap<>();
        for (Transport transport : transports) {
            RttStats stats = measure(transport, count, nanos, report, counter);
            byTransport.put(transport.name(), stats);
            if (transport.name().equals(TCP)) {
                tcpHistogram = RttHistogram.bars(nanos);
            }
            rows.add(row(transport, stats));
            medians.add(
                    new Event.Bar(
                            transport.name(),
                            micros(stats.p50Nanos()),
                            transport.name().equals(TCP)));
        }
        report.progress(counter.total, counter.total, "done");
        report.table(
                String.format(
                        Locale.ROOT,
                        "Round trips of a %d-byte message, in µs (%s each)",
                        Pinger.MESSAGE_BYTES,
                        Numbers.whole(count)),
                // the results first: on a phone they are what shows before the table scrolls
                List.of(
                        "transport",
                        "p50",
                        "p90",
                        "p99",
                        "max",
                        "timed",
                        "lost",
                        "what the message goes through"),
                rows);
        report.emit(
                new Event.Chart(
                        "Median round trip per transport",
                        "transport",
                        "µs (p50)",
                        medians,
                        "highlighted: TCP over loopback"));
        report.emit(
                new Event.Chart(
                        "TCP round trips, counted by microsecond",
                        "round trip (µs)",
                        "round trips",
                        tcpHistogram,
                        "highlighted: the bucket holding the median;"
                                + " the last bar gathers everything above the 99th percentile"));
        EchoRttExplanation.explain(report, byTransport);
    }

    private static List<Transport> transports(Report report) {
        List<Transport> all = new ArrayList<>();
        all.add(new Transport(TCP, "127.0.0.1, TCP/IP stack, TCP_NODELAY", StreamPinger::tcp));
        all.add(
                new Transport(
                        "UDP",
                        "127.0.0.1, IP stack, no connection",
                        r -> UdpPinger.open(r, UDP_TIMEOUT_MILLIS)));
        if (UnixEchoServer.supported()) {
            all.add(
                    new Transport(
                            "Unix socket", "a socket file: kernel, but no IP", StreamPinger::unix));
        } else {
            report.warn(
                    "Unix domain sockets are not available with this JDK and OS: that row is skipped.");
        }
        all.add(
                new Transport(
                        "hand-off (parked)",
                        "no socket; a waiting thread is woken by the kernel",
                        r -> new HandOffPinger()));
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            all.add(
                    new Transport(
                            "hand-off (spinning)",
                            "no kernel at all; two busy cores",
                            r -> new SpinPinger()));
        } else {
            report.warn(
                    "Only one processor is available, so the spinning hand-off (which needs two"
                            + " threads running at once) is skipped.");
        }
        return all;
    }

    private static RttStats measure(
            Transport transport, int count, RttRecorder nanos, Report report, Counter counter)
            throws IOException, InterruptedException {
        try (Pinger pinger = transport.opener().open(report)) {
            report.closeOnCancel(pinger);
            for (int i = 0; i < WARM_UP; i++) {
                report.checkCancelled();
                pinger.roundTrip(i); // a lost warm-up message does not matter
            }
            nanos.clear();
            long lost = 0;
            int lostInARow = 0;
            for (int i = 0; i < count; i++) {
                if ((i & 255) == 0) {
                    report.checkCancelled();
                }
                long start = System.nanoTime();
                boolean back = pinger.roundTrip(WARM_UP + (long) i);
                long elapsed = System.nanoTime() - start;
                if (back) {
                    nanos.record(elapsed);
                    lostInARow = 0;
                } else {
                    lost++;
                    if (++lostInARow >= MAX_LOSSES_IN_A_ROW) {
                        report.warn(
                                transport.name()
                                        + ": "
                                        + lostInARow
                                        + " messages in a row never came"
                                        + " back; stopped measuring it after "
                                        + (i + 1)
                                        + " of "
                                        + count
                                        + ".");
                        counter.add(report, transport, count - i - 1);
                        break;
                    }
                }
                counter.add(report, transport, 1);
            }
            return RttStats.of(nanos, lost);
        }
    }

    private static List<String> row(Transport transport, RttStats stats) {
        return List.of(
                transport.name(),
                us(stats.p50Nanos()),
                us(stats.p90Nanos()),
                us(stats.p99Nanos()),
                us(stats.maxNanos()),
                Numbers.whole(stats.samples()),
                Long.toString(stats.lost()),
                transport.path());
    }

    static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    static String us(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1000.0);
    }

    /** Counts round trips over all transports and reports progress about every 1%. */
    private static final class Counter {
        final long total;
        final long step;
        long done;

        Counter(Report report, long total) {
            this.total = total;
            this.step = Math.max(1, total / 100);
            report.progress(0, total, "starting");
        }

        void add(Report report, Transport transport, long n) {
            long before = done;
            done += n;
            if (done / step != before / step) {
                report.progress(done, total, transport.name());
            }
        }
    }
}
