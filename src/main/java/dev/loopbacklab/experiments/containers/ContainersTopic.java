package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 10, whose 127.0.0.1: containers, VMs and WSL. */
public final class ContainersTopic {
    private ContainersTopic() {}

    /**
     * The lesson {@code containers} and everything it embeds, in the order it shows them; the ids
     * start with this package's name, {@code containers}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "containers",
                "containers",
                new WhereAmI(),
                new OwnLoopback(),
                new PublishedCheck());
    }
}
