package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonParser;
import dev.loopbacklab.testing.LessonAsserts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson 06's text embeds what exists; its snippets are run by LessonSnippetsTest. */
class ListeningLessonTest {
    private static final Path FOLDER = Path.of("lessons", "06-who-is-listening");

    @Test
    void embedsBothExperimentsAndTheCheck() {
        Lesson lesson = LessonParser.read(FOLDER);
        assertEquals("who-is-listening", lesson.id());
        LessonAsserts.embeds(
                lesson, List.of("listening-table", "listening-find-me"), List.of("listening-spot"));
    }

    @Test
    void hasAScriptThatStaysInJShellAndFacilitatorNotes() {
        Lesson lesson = LessonParser.read(FOLDER);
        LessonAsserts.stayingInJShell(lesson, "listening.jsh");
        assertTrue(FOLDER.resolve("notes.md").toFile().isFile());
    }
}
