package dev.loopbacklab.lesson;

import java.util.List;

/**
 * The link from one lesson to the code it runs: everything the lesson embeds, registered once by
 * the package {@code dev.loopbacklab.experiments.<topic>}. One name per lesson: its topic names
 * that package and begins every experiment and check id ({@code echo} → {@code echo-rtt}); its
 * lesson id names the folder {@code lessons/NN-<lesson id>/} and the page's address.
 *
 * @param lessonId the id in the lesson's front matter, e.g. {@code loopback-echo}
 * @param topic the short name of the package and the ids, e.g. {@code echo}
 * @param experiments every experiment and check the lesson embeds, in the order it shows them
 */
public record LessonExperiments(String lessonId, String topic, List<Experiment> experiments) {

    public LessonExperiments {
        if (!topic.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException(
                    "a topic is one lower-case word, as its Java package is: " + topic);
        }
        experiments = List.copyOf(experiments);
        for (Experiment experiment : experiments) {
            if (!experiment.id().startsWith(topic + "-")) {
                throw new IllegalArgumentException(
                        experiment.id()
                                + " belongs to lesson "
                                + lessonId
                                + ", so its id starts with \""
                                + topic
                                + "-\"");
            }
        }
    }

    /** The lesson {@code lessonId} with the topic {@code topic} runs {@code experiments}. */
    public static LessonExperiments of(String lessonId, String topic, Experiment... experiments) {
        return new LessonExperiments(lessonId, topic, List.of(experiments));
    }
}
