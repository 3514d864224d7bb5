package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and checks of the api-on-localhost lesson. */
public final class ApiTopic {
    private ApiTopic() {}

    /**
     * The lesson {@code api-on-localhost} and everything it embeds, in the order it shows them; the
     * ids start with this package's name, {@code api}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of("api-on-localhost", "api", new ApiTour(), new ApiCurl());
    }
}
