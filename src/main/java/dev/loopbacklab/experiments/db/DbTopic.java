package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and checks of the database-on-localhost lesson. */
public final class DbTopic {
    private DbTopic() {}

    /** {@code db-tcp}, {@code db-allow-others} and the check {@code db-yours}. */
    public static List<Experiment> experiments() {
        return List.of(new DbTcp(), new DbAllowOthers(), new DbYours());
    }
}
