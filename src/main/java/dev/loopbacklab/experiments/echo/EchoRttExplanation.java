package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Numbers;
import java.util.Locale;

/** What the echo-rtt numbers mean, said after the table with this run's own figures in it. */
final class EchoRttExplanation {
    private EchoRttExplanation() {}

    static void explain(Report report, RttStats tcp, RttStats udp) {
        if (tcp != null && tcp.samples() > 0) {
            report.say(
                    String.format(
                            Locale.ROOT,
                            "Half of the TCP round trips took %s µs or less. That is"
                                    + " loopback: no cable, no network card, but the kernel is still there. Each round trip is"
                                    + " four system calls (the client's write, the server's read and write, the client's"
                                    + " read), a trip down and up the TCP/IP stack each way, and two sleeping threads woken"
                                    + " up.",
                            EchoRtt.us(tcp.p50Nanos())));
        }
        report.say(
                "Where the two threads run matters as much as the stack. On a 2-core machine the"
                        + " scheduler sometimes puts client and echo server on the same core (about 5–6 µs per TCP"
                        + " round trip) and sometimes on different cores (about 13 µs), and it can change its mind"
                        + " from one run to the next. Run it twice before drawing conclusions.");
        report.say(
                "A Unix domain socket skips IP and TCP (no headers, checksums, sequence numbers or"
                        + " acknowledgements), so it is usually a little faster. UDP skips the connection; its client"
                        + " here waits for each reply with a time limit so that it can count losses.");
        if (udp != null) {
            report.say(
                    String.format(
                            Locale.ROOT,
                            "UDP promises nothing, even on loopback: if a receive"
                                    + " buffer is full, the kernel drops the datagram. This run waited up to %d ms for each"
                                    + " reply and counted %s lost. With one message in flight at a time, losses are rare.",
                            EchoRtt.UDP_TIMEOUT_MILLIS,
                            Numbers.whole(udp.lost())));
        }
        report.say(
                "The parked hand-off uses no socket at all, yet a thread that waits may be put to"
                        + " sleep, and then the kernel has to wake it. The queue spins for a moment before sleeping:"
                        + " when that catches the answer (JDK 17 often does) the row shows about 1 µs; when the"
                        + " thread really sleeps (newer JDKs sleep sooner) it is about as slow as a socket. That"
                        + " wake-up is a large part of every socket number above. The"
                        + " spinning hand-off never sleeps, so no kernel is involved; it is the floor, the time for"
                        + " a value to travel from one core's cache to another's, and it keeps two cores busy the"
                        + " whole time, which is why servers do not work like that. It needs two free cores: when"
                        + " another program takes one, a spinner waits for its next time slice and this row jumps"
                        + " to tens or hundreds of µs.");
        report.say(
                "Look at p99 and max too: the slow tail is where other programs, garbage collection"
                        + " and timer interrupts show up. On a busy or shared machine the max can be hundreds of"
                        + " µs, even though the median hardly moves.");
    }
}
