package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.LessonExperiments;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;

/** The experiments and the check of lesson 03, ephemeral ports. */
public final class EphemeralTopic {
    /**
     * Sweeps stay small enough to be harmless: 20,000 ports is under the 28,232 of Linux's range.
     */
    static final int MAX_COUNT = 20_000;

    private EphemeralTopic() {}

    /**
     * The lesson {@code ephemeral-ports} and everything it embeds, in the order it shows them; the
     * ids start with this package's name, {@code ephemeral}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "ephemeral-ports",
                "ephemeral",
                new RangeExperiment(),
                new ListenSweep(),
                new ConnectSweep(),
                new UdpSweep(),
                new SpotCheck());
    }

    /** This OS's range for a sweep's charts, with a warning when it had to fall back to IANA's. */
    static EphemeralRange rangeForCharts(Report report) {
        return rangeForCharts(report, EphemeralRange.detect());
    }

    /** As {@link #rangeForCharts(Report)}, for a range read another way (UDP's on Windows). */
    static EphemeralRange rangeForCharts(Report report, EphemeralRange range) {
        if (range.fallback()) {
            report.warn(
                    "This machine's range could not be read; the chart uses IANA's range instead ("
                            + range.source()
                            + ").");
        }
        return range;
    }

    /** The {@code count} parameter every sweep takes. */
    static ParamSpec countParam(String what) {
        return ParamSpec.integer("count", 1_000, 1, MAX_COUNT, "how many " + what);
    }
}
