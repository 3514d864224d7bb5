package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Lesson;
import java.util.List;

/** What a lesson's own test holds of its text: what it embeds, and its {@code .jsh} script. */
public final class LessonAsserts {
    private LessonAsserts() {}

    /**
     * Asserts {@code lesson} embeds exactly {@code experiments} and {@code checks}, in this order,
     * and that the lab registers each as an experiment or a check as embedded.
     */
    public static void embeds(Lesson lesson, List<String> experiments, List<String> checks) {
        ExperimentRegistry registry = Experiments.registry();
        assertEquals(experiments, lesson.experimentIds());
        assertEquals(checks, lesson.checkIds());
        experiments.forEach(id -> assertTrue(registry.experimentIds().contains(id), id));
        checks.forEach(id -> assertTrue(registry.checkIds().contains(id), id));
    }

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
