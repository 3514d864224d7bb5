package dev.loopbacklab.experiments;

import dev.loopbacklab.experiments.api.ApiTopic;
import dev.loopbacklab.experiments.browser.BrowserTopic;
import dev.loopbacklab.experiments.containers.ContainersTopic;
import dev.loopbacklab.experiments.db.DbTopic;
import dev.loopbacklab.experiments.echo.EchoTopic;
import dev.loopbacklab.experiments.ephemeral.EphemeralTopic;
import dev.loopbacklab.experiments.exposure.ExposureTopic;
import dev.loopbacklab.experiments.here.HereTopic;
import dev.loopbacklab.experiments.listening.ListeningTopic;
import dev.loopbacklab.experiments.localhost.LocalhostTopic;
import dev.loopbacklab.experiments.metrics.MetricsTopic;
import dev.loopbacklab.experiments.port.PortTopic;
import dev.loopbacklab.lesson.ExperimentRegistry;
import java.util.List;

/**
 * Every experiment and check of every lesson: one line per lesson, each naming the package (the
 * lesson's topic) whose {@code lesson()} says which lesson it serves.
 */
public final class Experiments {
    private static final ExperimentRegistry REGISTRY =
            ExperimentRegistry.ofLessons(
                    () ->
                            List.of(
                                    HereTopic.lesson(),
                                    EchoTopic.lesson(),
                                    PortTopic.lesson(),
                                    EphemeralTopic.lesson(),
                                    ExposureTopic.lesson(),
                                    LocalhostTopic.lesson(),
                                    ListeningTopic.lesson(),
                                    ApiTopic.lesson(),
                                    DbTopic.lesson(),
                                    MetricsTopic.lesson(),
                                    ContainersTopic.lesson(),
                                    BrowserTopic.lesson()));

    private Experiments() {}

    /** The registry of all experiments and checks, each linked to its lesson. */
    public static ExperimentRegistry registry() {
        return REGISTRY;
    }
}
