package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and checks of the database-on-localhost lesson. */
public final class DbTopic {
    private DbTopic() {}

    /**
     * The lesson {@code database-on-localhost} and everything it embeds, in the order it shows
     * them; the ids start with this package's name, {@code db}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "database-on-localhost", "db", new DbTcp(), new DbAllowOthers(), new DbYours());
    }
}
