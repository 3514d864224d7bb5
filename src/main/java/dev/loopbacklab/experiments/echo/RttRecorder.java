package dev.loopbacklab.experiments.echo;

/**
 * Round-trip times kept in a fixed amount of memory, whatever the count: a log-linear histogram
 * (values below 256 ns exactly, above that in 128 steps per doubling, so within 0.8%), plus the
 * exact smallest and largest. A million round trips once took an 8 MB array per run, and 32 such
 * runs exhausted a 128 MB heap; this takes 36 KB.
 */
final class RttRecorder {
    private static final int SUB_BITS = 8;
    private static final int SUB = 1 << SUB_BITS; // values below this are counted exactly
    private static final int HALF = SUB / 2;

    /** Times from about 18 minutes up count as that: no round trip lasts so long. */
    private static final long CEILING = (1L << 40) - 1;

    private final long[] counts = new long[index(CEILING) + 1];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Counts one round trip of {@code nanos}. */
    void record(long nanos) {
        long value = Math.max(0, Math.min(CEILING, nanos));
        counts[index(value)]++;
        total++;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Forgets everything, to measure the next transport with the same memory. */
    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    long count() {
        return total;
    }

    long min() {
        return total == 0 ? 0 : min;
    }

    long max() {
        return max;
    }

    /**
     * The nearest-rank percentile: the smallest recorded value with {@code percent}% of all at or
     * below it, as the middle of its bucket (kept between the exact smallest and largest).
     */
    long percentile(int percent) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, middle(i)));
            }
        }
        return max;
    }

    /** Calls {@code sink} with each non-empty bucket: a typical value and how many fell there. */
    void forEach(BucketSink sink) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                sink.accept(Math.max(min, Math.min(max, middle(i))), counts[i]);
            }
        }
    }

    /** Receives one bucket of {@link #forEach}. */
    interface BucketSink {
        void accept(long nanos, long count);
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - (SUB_BITS - 1);
        int sub = (int) (value >>> shift); // HALF..SUB-1
        return SUB + (shift - 1) * HALF + (sub - HALF);
    }

    static long lowest(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = (index - SUB) / HALF + 1;
        long sub = HALF + (index - SUB) % HALF;
        return sub << shift;
    }

    private static long middle(int index) {
        if (index < SUB) {
            return index;
        }
        long low = lowest(index);
        long width = 1L << ((index - SUB) / HALF + 1);
        return low + width / 2;
    }
}
