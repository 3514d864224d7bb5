package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and the check of lesson 06, who-is-listening. */
public final class ListeningTopic {
    private ListeningTopic() {}

    /** {@code listening-table}, {@code listening-find-me} and the check {@code listening-spot}. */
    public static List<Experiment> experiments() {
        SocketSource machine = SocketSource.real();
        return List.of(new ListeningTable(machine), new FindMe(), new ListeningSpot(machine));
    }
}
