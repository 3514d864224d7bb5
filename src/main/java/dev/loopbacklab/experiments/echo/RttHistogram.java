package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round-trip times counted in buckets of whole microseconds, for a histogram. The slow tail past
 * the 99th percentile goes into one last bucket, so a single 2 ms outlier does not squash the
 * interesting part of the chart into one bar.
 */
final class RttHistogram {
    private static final int MAX_BUCKETS = 30;

    private RttHistogram() {}

    /**
     * Bars for the first {@code n} values of {@code sorted}; the median's bucket is highlighted.
     */
    static List<Event.Bar> bars(RttRecorder recorder) {
        if (recorder.count() == 0) {
            return List.of();
        }
        long firstMicros = recorder.min() / 1000;
        long p99Micros = recorder.percentile(99) / 1000;
        long width = Math.max(1, (p99Micros - firstMicros + MAX_BUCKETS - 1) / MAX_BUCKETS);
        int buckets = (int) Math.min(MAX_BUCKETS, (p99Micros - firstMicros) / width + 1);
        long[] counts = new long[buckets + 1];
        recorder.forEach(
                (nanos, count) -> {
                    long bucket = Math.max(0, (nanos / 1000 - firstMicros) / width);
                    counts[(int) Math.min(buckets, bucket)] += count;
                });
        long medianBucket =
                Math.min(buckets, (recorder.percentile(50) / 1000 - firstMicros) / width);
        List<Event.Bar> bars = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            long from = firstMicros + b * width;
            String label = width == 1 ? Long.toString(from) : from + "–" + (from + width - 1);
            bars.add(new Event.Bar(label, counts[b], b == medianBucket));
        }
        if (counts[buckets] > 0) {
            String label = String.format(Locale.ROOT, "≥%d", firstMicros + buckets * width);
            bars.add(new Event.Bar(label, counts[buckets], false));
        }
        return bars;
    }
}
