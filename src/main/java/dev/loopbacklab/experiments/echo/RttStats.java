package dev.loopbacklab.experiments.echo;

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

    /** The percentiles of what {@code recorder} counted. */
    static RttStats of(RttRecorder recorder, long lost) {
        return new RttStats(
                (int) recorder.count(),
                lost,
                recorder.percentile(50),
                recorder.percentile(90),
                recorder.percentile(99),
                recorder.max());
    }
}
