package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and the check of lesson 10, whose 127.0.0.1: containers, VMs and WSL. */
public final class ContainersTopic {
    private ContainersTopic() {}

    /**
     * Everything lesson 10 embeds, in the order it appears.
     *
     * @return new instances of the experiments and the check
     */
    public static List<Experiment> experiments() {
        return List.of(new WhereAmI(), new OwnLoopback(), new PublishedCheck());
    }
}
