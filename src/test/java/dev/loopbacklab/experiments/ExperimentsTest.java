package dev.loopbacklab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.LessonExperiments;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The naming rule and the lesson link, for the real lessons: every lesson has one registration,
 * whose topic names the package of every class it registers and begins every id; every experiment
 * belongs to exactly one lesson and is embedded in it, in the registered order.
 */
class ExperimentsTest {
    private static final List<Lesson> LESSONS = LessonCatalog.load(Path.of("lessons")).lessons();
    private static final List<LessonExperiments> REGISTERED = Experiments.registry().lessons();

    @Test
    void everyLessonIsRegisteredOnceInLessonOrder() {
        assertEquals(
                LESSONS.stream().map(Lesson::id).toList(),
                REGISTERED.stream().map(LessonExperiments::lessonId).toList());
    }

    @Test
    void aTopicNamesThePackageOfEverythingItRegisters() {
        for (LessonExperiments lesson : REGISTERED) {
            String expected = "dev.loopbacklab.experiments." + lesson.topic();
            for (Experiment experiment : lesson.experiments()) {
                assertEquals(
                        expected,
                        experiment.getClass().getPackageName(),
                        experiment.id() + " of lesson " + lesson.lessonId());
                assertTrue(experiment.id().startsWith(lesson.topic() + "-"), experiment.id());
            }
        }
    }

    @Test
    void everyExperimentBelongsToExactlyOneLessonAndIsEmbeddedThereInOrder() {
        for (Lesson lesson : LESSONS) {
            List<String> embedded = new ArrayList<>();
            lesson.embeds().stream()
                    .filter(e -> e.kind() != Lesson.Embed.Kind.JSHELL)
                    .forEach(e -> embedded.add(e.id()));
            LessonExperiments registered =
                    REGISTERED.stream()
                            .filter(r -> r.lessonId().equals(lesson.id()))
                            .findFirst()
                            .orElseThrow();
            assertEquals(
                    registered.experiments().stream().map(Experiment::id).toList(),
                    embedded,
                    lesson.folderName());
        }
        for (Experiment experiment : Experiments.registry().all()) {
            assertTrue(
                    Experiments.registry().lessonOf(experiment.id()).isPresent(),
                    experiment.id() + " belongs to no lesson");
        }
    }

    @Test
    void metadataLivesInInfoAlone() {
        Set<String> accessors = Set.of("id", "title", "description", "params");
        for (Experiment experiment : Experiments.registry().all()) {
            for (Method method : experiment.getClass().getDeclaredMethods()) {
                assertTrue(
                        !accessors.contains(method.getName()) || method.getParameterCount() > 0,
                        experiment.getClass().getSimpleName()
                                + " overrides "
                                + method.getName()
                                + "(); declare it in its ExperimentInfo");
            }
        }
    }

    @Test
    void noDescriptionOrParameterHelpStatesAMeasuredFigure() {
        assertEquals(List.of(), Experiments.registry().helpTextProblems());
    }
}
