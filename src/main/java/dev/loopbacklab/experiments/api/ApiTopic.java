package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.net.EphemeralRange;
import java.util.List;

/** The experiments and checks of the api-on-localhost lesson. */
public final class ApiTopic {
    private ApiTopic() {}

    /** {@code api-tour} and the check {@code api-curl}. */
    public static List<Experiment> experiments() {
        return List.of(new ApiTour(), new ApiCurl());
    }

    /** Where {@code port} lies relative to this OS's ephemeral range, for a learner to read. */
    static String rangeNote(EphemeralRange range, int port) {
        return (range.contains(port) ? "inside" : "outside")
                + " this OS's ephemeral range "
                + range.first()
                + "–"
                + range.last()
                + (range.fallback() ? " (IANA's suggestion)" : "");
    }
}
