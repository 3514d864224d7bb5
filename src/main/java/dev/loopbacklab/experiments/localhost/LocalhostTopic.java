package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 05, localhost-names. */
public final class LocalhostTopic {
    private LocalhostTopic() {}

    /**
     * The lesson {@code localhost-names} and everything it embeds, in the order it shows them; the
     * ids start with this package's name, {@code localhost}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "localhost-names",
                "localhost",
                new LocalhostResolve(
                        LocalhostLookup.system(),
                        ResolverConfig::system,
                        JavaNetProperties::current),
                new LocalhostMismatch(LocalhostLookup.system(), Loopbacks::ipv6Available),
                new LocalhostBothCheck(Loopbacks::ipv6Available));
    }
}
