package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortCategory;
import java.util.Arrays;

/**
 * What a sweep found, in numbers: how many ports, how many different ones, their ends, parity and
 * how many fell inside the OS range and inside IANA's.
 *
 * @param count ports drawn
 * @param distinct different ports among them
 * @param lowest the lowest port drawn
 * @param highest the highest port drawn
 * @param odd odd ports drawn
 * @param even even ports drawn
 * @param insideRange ports inside the OS range
 * @param insideIana ports inside IANA's dynamic range 49152–65535
 * @param nanos time spent drawing them
 */
record PortSample(
        int count,
        int distinct,
        int lowest,
        int highest,
        int odd,
        int even,
        int insideRange,
        int insideIana,
        long nanos) {

    /** Counts {@code ports} (at least one) against {@code range}. */
    static PortSample of(int[] ports, EphemeralRange range, long nanos) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one port");
        }
        int odd = 0;
        int inside = 0;
        int iana = 0;
        for (int port : ports) {
            odd += port & 1;
            inside += range.contains(port) ? 1 : 0;
            iana += PortCategory.of(port) == PortCategory.DYNAMIC ? 1 : 0;
        }
        int[] sorted = ports.clone();
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        return new PortSample(
                ports.length,
                distinct,
                sorted[0],
                sorted[sorted.length - 1],
                odd,
                ports.length - odd,
                inside,
                iana,
                nanos);
    }

    /** The parity in words: "odd only", "even only" or "both". */
    String parity() {
        return odd == count ? "odd only" : even == count ? "even only" : "both";
    }

    /** Work time in milliseconds. */
    double millis() {
        return nanos / 1e6;
    }

    /** Average time per port in microseconds. */
    double microsEach() {
        return nanos / 1e3 / count;
    }
}
