package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and checks of the loopback-echo lesson. */
public final class EchoTopic {
    private EchoTopic() {}

    /**
     * The lesson {@code loopback-echo} and everything it embeds, in the order it shows them; the
     * ids start with this package's name, {@code echo}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "loopback-echo", "echo", new EchoHello(), new EchoRtt(), new EchoYours());
    }
}
