package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.lesson.LessonExperiments;

/** The experiments and the check of lesson 11, your browser and localhost. */
public final class BrowserTopic {
    private BrowserTopic() {}

    /**
     * The lesson {@code browser-and-localhost} and everything it embeds, in the order it shows
     * them; the ids start with this package's name, {@code browser}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "browser-and-localhost",
                "browser",
                new Origins(),
                new Rebinding(),
                new CorsYoursCheck());
    }
}
