package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and the check of lesson 04, exposure. */
public final class ExposureTopic {
    private ExposureTopic() {}

    /** Every experiment and check of the lesson, wired to this machine. */
    public static List<Experiment> experiments() {
        Machine machine = Machine.real();
        return List.of(
                new ExposureMatrix(machine),
                new DefaultBind(machine),
                new SelfDefence(),
                new PrivateCheck(machine));
    }
}
