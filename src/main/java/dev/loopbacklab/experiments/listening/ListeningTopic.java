package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 06, who-is-listening. */
public final class ListeningTopic {
    private ListeningTopic() {}

    /**
     * The lesson {@code who-is-listening} and everything it embeds, in the order it shows them; the
     * ids start with this package's name, {@code listening}.
     */
    public static LessonExperiments lesson() {
        SocketSource machine = SocketSource.real();
        return LessonExperiments.of(
                "who-is-listening",
                "listening",
                new ListeningTable(machine),
                new FindMe(),
                new ListeningSpot(machine));
    }
}
