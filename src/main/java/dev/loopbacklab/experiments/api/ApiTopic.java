package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and checks of the api-on-localhost lesson. */
public final class ApiTopic {
    private ApiTopic() {}

    /** {@code api-tour} and the check {@code api-curl}. */
    public static List<Experiment> experiments() {
        return List.of(new ApiTour(), new ApiCurl());
    }
}
