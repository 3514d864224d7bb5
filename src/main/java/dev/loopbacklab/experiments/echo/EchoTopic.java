package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and checks of the loopback-echo lesson. */
public final class EchoTopic {
    private EchoTopic() {}

    /** {@code echo-hello}, {@code echo-rtt} and the check {@code echo-yours}. */
    public static List<Experiment> experiments() {
        return List.of(new EchoHello(), new EchoRtt(), new EchoYours());
    }
}
