package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 02, port binding. */
public final class PortTopic {
    private PortTopic() {}

    /**
     * The lesson {@code port-binding} and everything it embeds, in the order it shows them; the ids
     * start with this package's name, {@code port}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "port-binding",
                "port",
                new PortClassifyExperiment(),
                new PortConflictExperiment(),
                new PortPrivilegedExperiment(),
                new PortReuseExperiment(),
                new PortReuseportExperiment(),
                new PortBusyCheck());
    }
}
