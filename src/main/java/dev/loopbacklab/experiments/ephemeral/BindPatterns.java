package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;

/**
 * Puts into words what the two bind(0) sweeps show, and names Linux's rules only when this
 * machine's numbers actually follow them; other kernels choose differently.
 */
final class BindPatterns {
    /** Below this many ports, a pattern could be chance; say nothing about rules. */
    static final int ENOUGH = 20;

    private BindPatterns() {}

    /**
     * The first port of the upper part of the range in Linux's inet_csk_find_open_port(): with
     * SO_REUSEADDR on, bind(0) searches {@code [first, half)} before the rest.
     */
    static int linuxHalf(EphemeralRange range) {
        int high = range.last() + 1;
        return range.first() + (((high - range.first()) >> 2) << 1);
    }

    /** True where Linux's rules can be named: on Linux, with a range read from this machine. */
    static boolean linuxRules(Platform platform, EphemeralRange range) {
        return platform.os() == OperatingSystem.LINUX && !range.fallback();
    }

    static void explain(
            Report report,
            Platform platform,
            EphemeralRange range,
            PortSample reuseOn,
            PortSample reuseOff) {
        report.say(
                "What this machine shows: with "
                        + ListenSweep.REUSE_ON
                        + ", "
                        + describe(reuseOn)
                        + "; with "
                        + ListenSweep.REUSE_OFF
                        + ", "
                        + describe(reuseOff)
                        + ".");
        if (reuseOn.count() < ENOUGH || !linuxRules(platform, range)) {
            report.say(
                    "Too few ports, or not a Linux range read from this machine: no rule is named here."
                            + " Compare the two charts yourself: any difference is your OS's own choice.");
            return;
        }
        boolean bindParity =
                oneParity(reuseOn)
                        && oneParity(reuseOff)
                        && reuseOn.odd() > 0 == ((range.first() & 1) == 0)
                        && reuseOff.odd() > 0 == ((range.first() & 1) == 0);
        if (bindParity) {
            report.say(
                    "Every port has the parity opposite to the range's first port ("
                            + range.first()
                            + "). That is Linux's rule since kernel 4.6: bind(0), in inet_csk_find_open_port(),"
                            + " tries ports of that parity first and leaves the others to connect()"
                            + " (__inet_hash_connect()), so servers and clients rarely compete for the same ports."
                            + " Run ephemeral-connect-sweep to see the other parity.");
        }
        int half = linuxHalf(range);
        if (reuseOn.highest() < half && reuseOff.highest() >= half) {
            report.say(
                    "With SO_REUSEADDR on, every port lay between "
                            + range.first()
                            + " and "
                            + (half - 1)
                            + ", the lower part of the range; with it off, up to "
                            + reuseOff.highest()
                            + ". That is Linux's \"half the range\" rule, visible in inet_csk_find_open_port():"
                            + " a socket with SO_REUSEADDR set is offered ports from the lower half of the range"
                            + " first, and from the upper half only when the lower one is full.");
        }
        if (!bindParity && !(reuseOn.highest() < half)) {
            report.say(
                    "This kernel does not follow the Linux 4.6+ pattern (one parity, lower half with"
                            + " SO_REUSEADDR). Older or patched kernels choose differently: the charts are the truth.");
        }
    }

    private static boolean oneParity(PortSample sample) {
        return sample.odd() == 0 || sample.even() == 0;
    }

    /** E.g. "odd ports only, 32769–46883 (51% of the range's width)". */
    static String describe(PortSample sample) {
        String parity =
                switch (sample.parity()) {
                    case "odd only" -> "odd ports only";
                    case "even only" -> "even ports only";
                    default ->
                            SampleLines.number(sample.odd())
                                    + " odd and "
                                    + SampleLines.number(sample.even())
                                    + " even ports";
                };
        return parity + ", from " + sample.lowest() + " to " + sample.highest();
    }
}
