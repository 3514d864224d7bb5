package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the echo-rtt numbers mean, said after the table with this run's own figures in it. No figure
 * measured elsewhere is stated: every comparison is between rows of this run, because the same test
 * gives about 5 µs on one machine and 25 µs on another of the same kind.
 */
final class EchoRttExplanation {
    static final String PARKED = "hand-off (parked)";
    static final String SPINNING = "hand-off (spinning)";
    static final String UNIX = "Unix socket";

    private EchoRttExplanation() {}

    /**
     * Says what this run's numbers mean.
     *
     * @param report where the sentences go
     * @param byTransport each measured row's statistics, keyed by the transport's name
     */
    static void explain(Report report, Map<String, RttStats> byTransport) {
        for (String sentence : sentences(byTransport)) {
            report.say(sentence);
        }
    }

    /** The explanation as sentences; pure, so tests can hand it any numbers. */
    static List<String> sentences(Map<String, RttStats> byTransport) {
        List<String> out = new ArrayList<>();
        RttStats tcp = measured(byTransport.get(EchoRtt.TCP));
        RttStats udp = byTransport.get("UDP");
        RttStats unix = measured(byTransport.get(UNIX));
        RttStats parked = measured(byTransport.get(PARKED));
        RttStats spin = measured(byTransport.get(SPINNING));
        if (tcp != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "Half of your TCP round trips took %s µs or less. That is loopback: no"
                                    + " cable, no network card, but the kernel is still there. Each"
                                    + " round trip is four system calls (the client's write, the"
                                    + " server's read and write, the client's read), a trip down and"
                                    + " up the TCP/IP stack each way, and two sleeping threads woken"
                                    + " up.",
                            EchoRtt.us(tcp.p50Nanos())));
            out.add(
                    "Where the two threads run matters as much as the stack: the scheduler may put"
                            + " client and echo server on the same core or on different ones, and"
                            + " can change its mind from one run to the next. Run it twice and"
                            + " compare your two TCP medians before drawing conclusions.");
        }
        if (tcp != null && unix != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "A Unix domain socket skips IP and TCP (no headers, checksums, sequence"
                                    + " numbers or acknowledgements): here it took %s µs against"
                                    + " TCP's %s µs, %s.",
                            EchoRtt.us(unix.p50Nanos()),
                            EchoRtt.us(tcp.p50Nanos()),
                            compare(unix.p50Nanos(), tcp.p50Nanos())));
        }
        if (udp != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "UDP promises nothing, even on loopback: if a receive buffer is full, the"
                                    + " kernel drops the datagram. This run waited up to %d ms for"
                                    + " each reply and counted %s lost.",
                            EchoRtt.UDP_TIMEOUT_MILLIS,
                            Numbers.whole(udp.lost())));
        }
        if (tcp != null && parked != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "The parked hand-off uses no socket at all, yet a waiting thread may be"
                                    + " put to sleep and woken by the kernel. Yours took %s µs, %s"
                                    + " TCP's %s µs: %s",
                            EchoRtt.us(parked.p50Nanos()),
                            parked.p50Nanos() * 2 <= tcp.p50Nanos() ? "well under" : "close to",
                            EchoRtt.us(tcp.p50Nanos()),
                            parked.p50Nanos() * 2 <= tcp.p50Nanos()
                                    ? "the queue's brief spin caught most answers before the"
                                            + " thread slept, so most of the socket's time is the"
                                            + " system calls and the stack."
                                    : "the thread really slept, so waking threads is a large"
                                            + " part of every socket number above."));
        }
        if (spin != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "The spinning hand-off never sleeps, so no kernel is involved: its %s µs"
                                    + " is the floor here, the time for a value to travel from one"
                                    + " core's cache to another's. It keeps two cores busy the whole"
                                    + " time, which is why servers do not work like that; when"
                                    + " another program takes a core, this row jumps.",
                            EchoRtt.us(spin.p50Nanos())));
        }
        if (tcp != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "Look at p99 and max too: your TCP max was %s µs, %s the median. The"
                                    + " slow tail is where other programs, garbage collection and"
                                    + " timer interrupts show up.",
                            EchoRtt.us(tcp.maxNanos()),
                            ratio(tcp.maxNanos(), tcp.p50Nanos())));
        }
        return out;
    }

    private static RttStats measured(RttStats stats) {
        return stats == null || stats.samples() == 0 ? null : stats;
    }

    /** "faster", "slower" or "about the same", from two medians. */
    static String compare(long nanos, long referenceNanos) {
        if (nanos * 10 < referenceNanos * 9) {
            return "faster";
        }
        if (nanos * 10 > referenceNanos * 11) {
            return "slower: on this machine the saving did not show";
        }
        return "about the same";
    }

    private static String ratio(long nanos, long referenceNanos) {
        if (referenceNanos <= 0) {
            return "against a median too small to compare";
        }
        return String.format(Locale.ROOT, "%.0f times", (double) nanos / referenceNanos);
    }
}
