package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.Experiment;
import java.util.List;

/** The experiments and the check of lesson 05, localhost-names. */
public final class LocalhostTopic {
    private LocalhostTopic() {}

    /**
     * {@code localhost-resolve}, {@code localhost-mismatch} and the check {@code localhost-both}.
     */
    public static List<Experiment> experiments() {
        return List.of(
                new LocalhostResolve(
                        LocalhostLookup.system(),
                        ResolverConfig::system,
                        JavaNetProperties::current),
                new LocalhostMismatch(LocalhostLookup.system(), Loopbacks::ipv6Available),
                new LocalhostBothCheck(Loopbacks::ipv6Available));
    }
}
