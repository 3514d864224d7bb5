package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RttRecorderTest {

    @Test
    void keepsSmallValuesExactly() {
        RttRecorder recorder = new RttRecorder();
        for (long v = 1; v <= 100; v++) {
            recorder.record(v);
        }
        assertEquals(50, recorder.percentile(50));
        assertEquals(90, recorder.percentile(90));
        assertEquals(1, recorder.min());
        assertEquals(100, recorder.max());
        assertEquals(100, recorder.count());
    }

    @Test
    void percentilesStayWithinOnePercentOfTheExactOnes() {
        Random random = new Random(16);
        long[] values = new long[50_000];
        RttRecorder recorder = new RttRecorder();
        for (int i = 0; i < values.length; i++) {
            // loopback-like: mostly 5–30 µs, a tail up to a few ms
            values[i] =
                    random.nextInt(100) == 0
                            ? 100_000 + random.nextInt(3_000_000)
                            : 5_000 + random.nextInt(25_000);
            recorder.record(values[i]);
        }
        Arrays.sort(values);
        for (int p : new int[] {50, 90, 99}) {
            long exact = values[(int) Math.ceil(p / 100.0 * values.length) - 1];
            long approx = recorder.percentile(p);
            assertTrue(Math.abs(approx - exact) <= exact / 100, p + ": " + approx + " vs " + exact);
        }
        assertEquals(values[values.length - 1], recorder.max());
        assertEquals(values[0], recorder.min());
    }

    @Test
    void bucketsCoverEveryValueWithoutGaps() {
        for (int i = 0; i < RttRecorder.index((1L << 40) - 1); i++) {
            long low = RttRecorder.lowest(i);
            assertEquals(i, RttRecorder.index(low), "lowest of " + i);
            assertEquals(i + 1, RttRecorder.index(RttRecorder.lowest(i + 1)));
            assertTrue(RttRecorder.lowest(i + 1) > low);
        }
    }

    /**
     * The attack of issue 16: echo-rtt count=1000000 took an 8 MB array per run, so 32 runs under
     * the README's -Xmx128m died with OutOfMemoryError. Recording a million times must allocate
     * nothing beyond the recorder itself.
     */
    @Test
    void aMillionRoundTripsAllocateNoMoreThanAThousand() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long small = allocated(threads, thread, 1_000);
        long large = allocated(threads, thread, 1_000_000);
        assertTrue(large - small < 64 * 1024, "a million allocated " + (large - small) + " more");
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, long thread, int n) {
        long before = threads.getThreadAllocatedBytes(thread);
        RttRecorder recorder = new RttRecorder();
        for (int i = 0; i < n; i++) {
            recorder.record(10_000 + (i % 5_000));
        }
        RttStats stats = RttStats.of(recorder, 0);
        long after = threads.getThreadAllocatedBytes(thread);
        assertEquals(n, stats.samples());
        return after - before;
    }
}
