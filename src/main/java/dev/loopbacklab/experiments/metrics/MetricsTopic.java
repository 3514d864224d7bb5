package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and checks of the monitoring lesson. */
public final class MetricsTopic {
    private MetricsTopic() {}

    /**
     * The lesson {@code monitoring} and everything it embeds, in the order it shows them; the ids
     * start with this package's name, {@code metrics}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "monitoring", "metrics", new MetricsScrape(), new MetricsYours());
    }
}
