package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and checks of the monitoring lesson. */
public final class MetricsTopic {
    private MetricsTopic() {}

    /** {@code metrics-scrape} and the check {@code metrics-yours}. */
    public static List<Experiment> experiments() {
        return List.of(new MetricsScrape(), new MetricsYours());
    }
}
