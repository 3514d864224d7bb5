package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EphemeralTopicTest {
    @Test
    void everyExperimentAndTheCheckAreRegistered() {
        for (Experiment experiment : EphemeralTopic.lesson().experiments()) {
            assertTrue(Experiments.registry().find(experiment.id()).isPresent(), experiment.id());
            assertTrue(experiment.id().startsWith("ephemeral-"), experiment.id());
        }
    }

    @Test
    void theLessonEmbedsEveryExperimentAndTheCheck() {
        Lesson lesson = LessonParser.read(Path.of("lessons/03-ephemeral-ports"));
        assertEquals("ephemeral-ports", lesson.id());
        assertEquals(
                List.of(
                        "ephemeral-range",
                        "ephemeral-listen-sweep",
                        "ephemeral-connect-sweep",
                        "ephemeral-udp"),
                lesson.experimentIds());
        assertEquals(List.of("ephemeral-spot"), lesson.checkIds());
        assertTrue(lesson.notes().isPresent());
        assertTrue(lesson.scripts().stream().anyMatch(s -> s.fileName().equals("ephemeral.jsh")));
    }
}
