package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 04, exposure. */
public final class ExposureTopic {
    private ExposureTopic() {}

    /**
     * The lesson {@code exposure} and everything it embeds, in the order it shows them; the ids
     * start with this package's name, {@code exposure}.
     */
    public static LessonExperiments lesson() {
        Machine machine = Machine.real();
        return LessonExperiments.of(
                "exposure",
                "exposure",
                new ExposureMatrix(machine),
                new DefaultBind(machine),
                new SelfDefence(),
                new PrivateCheck(machine),
                new RoomReach());
    }
}
