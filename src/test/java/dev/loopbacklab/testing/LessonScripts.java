package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Lesson;

/** What a lesson's own test holds of its {@code .jsh} script. */
public final class LessonScripts {
    private LessonScripts() {}

    /**
     * The script {@code fileName} of {@code lesson}, asserted to leave the learner in JShell (no
     * {@code /exit}) with the toolkit imported, as the content checker's script rules want.
     */
    public static Lesson.Script stayingInJShell(Lesson lesson, String fileName) {
        Lesson.Script script =
                lesson.scripts().stream()
                        .filter(s -> s.fileName().equals(fileName))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no script " + fileName));
        assertTrue(
                script.text().lines().noneMatch(line -> line.strip().equals("/exit")),
                script.fileName() + " must not end the JShell session");
        assertTrue(script.text().contains("import dev.loopbacklab.net.*;"), script.fileName());
        return script;
    }
}
