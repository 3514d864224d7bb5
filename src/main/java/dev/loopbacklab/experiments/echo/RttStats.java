package dev.loopbacklab.experiments.echo;

import java.util.Arrays;

/**
 * The spread of one transport's round-trip times.
 *
 * @param samples how many round trips came back and were timed
 * @param lost how many never came back (UDP only)
 * @param p50Nanos the median: half the round trips were faster
 * @param p90Nanos 90% were at most this
 * @param p99Nanos 99% were at most this
 * @param maxNanos the slowest one
 */
record RttStats(
        int samples, long lost, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {

    /** Sorts the first {@code n} values of {@code nanos} in place and reads the percentiles. */
    static RttStats of(long[] nanos, int n, long lost) {
        if (n == 0) {
            return new RttStats(0, lost, 0, 0, 0, 0);
        }
        Arrays.sort(nanos, 0, n);
        return new RttStats(
                n, lost, rank(nanos, n, 50), rank(nanos, n, 90), rank(nanos, n, 99), nanos[n - 1]);
    }

    /** The nearest-rank percentile of sorted values: the smallest value with p% at or below it. */
    static long rank(long[] sorted, int n, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }
}
