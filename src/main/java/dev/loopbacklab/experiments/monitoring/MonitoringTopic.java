package dev.loopbacklab.experiments.monitoring;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and checks of the monitoring lesson. */
public final class MonitoringTopic {
    private MonitoringTopic() {}

    /** {@code metrics-scrape} and the check {@code metrics-yours}. */
    public static List<Experiment> experiments() {
        return List.of(new MetricsScrape(), new MetricsYours());
    }
}
