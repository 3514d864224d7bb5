package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram of ports over the OS range, in about 28 equal buckets, so a learner sees at a glance
 * which part of the range the OS used. Bars inside IANA's dynamic range are highlighted.
 */
final class PortHistogram {
    static final int BUCKETS = 28;

    private PortHistogram() {}

    /** The chart for {@code ports}; ports outside the range get a bar of their own on each side. */
    static Event.Chart chart(String title, int[] ports, EphemeralRange range) {
        int width = Math.max(1, ceilDiv(range.size(), BUCKETS));
        int buckets = ceilDiv(range.size(), width);
        long[] counts = new long[buckets];
        long below = 0;
        long above = 0;
        for (int port : ports) {
            if (port < range.first()) {
                below++;
            } else if (port > range.last()) {
                above++;
            } else {
                counts[(port - range.first()) / width]++;
            }
        }
        List<Event.Bar> bars = new ArrayList<>();
        if (below > 0) {
            bars.add(new Event.Bar("below " + range.first(), below, false));
        }
        for (int i = 0; i < buckets; i++) {
            int from = range.first() + i * width;
            int to = Math.min(range.last(), from + width - 1);
            bars.add(new Event.Bar(from + "–" + to, counts[i], insideIana(from, to)));
        }
        if (above > 0) {
            bars.add(new Event.Bar("above " + range.last(), above, false));
        }
        String legend =
                "Each bar counts the ports in a slice of about "
                        + width
                        + " ports of the OS range "
                        + range.first()
                        + "–"
                        + range.last()
                        + (bars.stream().anyMatch(b -> b.highlight() && b.value() > 0)
                                ? ". Highlighted bars lie inside IANA's dynamic range 49152–65535."
                                : ". None of them lies inside IANA's dynamic range 49152–65535.");
        return new Event.Chart(title, "port", "ports drawn", bars, legend);
    }

    /** A bucket counts as inside IANA's range when most of it is. */
    private static boolean insideIana(int from, int to) {
        int middle = from + (to - from) / 2;
        return middle >= PortCategory.DYNAMIC.first();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
