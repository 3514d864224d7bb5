package dev.loopbacklab.experiments.binding;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and the check of lesson 02, port binding. */
public final class BindingTopic {
    private BindingTopic() {}

    /**
     * Everything lesson 02 embeds, in the order it appears.
     *
     * @return new instances of the experiments and the check
     */
    public static List<Experiment> experiments() {
        return List.of(
                new PortClassifyExperiment(),
                new PortConflictExperiment(),
                new PortPrivilegedExperiment(),
                new PortReuseExperiment(),
                new PortReuseportExperiment(),
                new PortBusyCheck());
    }
}
