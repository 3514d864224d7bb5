package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonParser;
import dev.loopbacklab.testing.LessonAsserts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson and the topic agree: everything the topic offers is embedded, and registered. */
class PortBindingLessonTest {
    private final Lesson lesson = LessonParser.read(Path.of("lessons/02-port-binding"));

    @Test
    void embedsEveryExperimentAndTheCheckOfTheTopicInOrder() {
        List<String> embedded = new ArrayList<>(lesson.experimentIds());
        embedded.addAll(lesson.checkIds());

        assertEquals(
                PortTopic.lesson().experiments().stream().map(Experiment::id).toList(), embedded);
        embedded.forEach(
                id ->
                        assertTrue(
                                Experiments.registry().find(id).isPresent(),
                                id + " is registered"));
        assertTrue(Experiments.registry().find("port-busy").orElseThrow().isCheck());
    }

    @Test
    void hasNotesAndAJshellScriptThatStaysInJShell() {
        assertEquals("port-binding", lesson.id());
        assertTrue(lesson.notes().isPresent());
        LessonAsserts.stayingInJShell(lesson, "binding.jsh");
        assertEquals(
                3,
                lesson.embeds().stream().filter(e -> e.kind() == Lesson.Embed.Kind.JSHELL).count());
    }
}
