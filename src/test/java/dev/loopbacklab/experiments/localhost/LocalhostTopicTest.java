package dev.loopbacklab.experiments.localhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson 05 embeds the topic's experiments and check, and all of them are registered. */
class LocalhostTopicTest {
    @Test
    void theLessonEmbedsBothExperimentsAndTheCheck() {
        Lesson lesson = LessonParser.read(Path.of("lessons", "05-localhost-names"));

        assertEquals("localhost-names", lesson.id());
        assertEquals(List.of("localhost-resolve", "localhost-mismatch"), lesson.experimentIds());
        assertEquals(List.of("localhost-both"), lesson.checkIds());
    }

    @Test
    void everyExperimentIsRegistered() {
        LocalhostTopic.lesson()
                .experiments()
                .forEach(e -> assertTrue(Experiments.registry().find(e.id()).isPresent(), e.id()));
        assertTrue(Experiments.registry().find("localhost-both").orElseThrow().isCheck());
    }
}
