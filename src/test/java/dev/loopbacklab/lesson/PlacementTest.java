package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.FakeExperiments;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The content checker knows which lesson each experiment belongs to and holds lessons to it; in the
 * fixture {@code placement-wrong} the lesson "second" embeds the first lesson's {@code
 * first-extra}.
 */
class PlacementTest {
    private static final Experiment FIRST_RUN = experiment("first-run");
    private static final Experiment FIRST_CHECK = check("first-check");
    private static final Experiment FIRST_EXTRA = experiment("first-extra");
    private static final Experiment SECOND_RUN = experiment("second-run");

    private static List<String> problems(String fixture, LessonExperiments... lessons) {
        Path root = ContentCheckerTest.fixture(fixture);
        return ExperimentRegistry.ofLessons(List.of(lessons)).contentChecker().check(root).stream()
                .map(p -> p.toString().replace(root.toString(), fixture))
                .toList();
    }

    @Test
    void acceptsEveryExperimentEmbeddedInTheLessonItIsRegisteredWith() {
        assertEquals(
                List.of(),
                problems(
                        "placement-good",
                        LessonExperiments.of("first", "first", FIRST_RUN, FIRST_CHECK),
                        LessonExperiments.of("second", "second", SECOND_RUN)));
    }

    @Test
    void reportsAnExperimentItsLessonDoesNotEmbed() {
        assertEquals(
                List.of(
                        "00-first/lesson.md: \"first-extra\" is registered with this lesson but"
                                + " not embedded in it"),
                problems(
                        "placement-good",
                        LessonExperiments.of("first", "first", FIRST_RUN, FIRST_CHECK, FIRST_EXTRA),
                        LessonExperiments.of("second", "second", SECOND_RUN)));
    }

    @Test
    void reportsAnExperimentEmbeddedInAnotherLesson() {
        assertEquals(
                List.of(
                        "00-first/lesson.md: \"first-extra\" is registered with this lesson but"
                                + " not embedded in it",
                        "01-second/lesson.md:15: \"first-extra\" belongs to the lesson first;"
                                + " embed it there, or register it with second"),
                problems(
                        "placement-wrong",
                        LessonExperiments.of("first", "first", FIRST_RUN, FIRST_CHECK, FIRST_EXTRA),
                        LessonExperiments.of("second", "second", SECOND_RUN)));
    }

    @Test
    void reportsExperimentsRegisteredWithALessonThatDoesNotExist() {
        assertEquals(
                List.of(
                        "placement-good: no lesson third, though third-run, third-check are"
                                + " registered with it"),
                problems(
                        "placement-good",
                        LessonExperiments.of("first", "first", FIRST_RUN, FIRST_CHECK),
                        LessonExperiments.of("second", "second", SECOND_RUN),
                        LessonExperiments.of(
                                "third", "third", experiment("third-run"), check("third-check"))));
    }

    @Test
    void anExperimentBelongsToOneLessonOnly() {
        // Its id's prefix names its topic, and a topic names one lesson.
        IllegalArgumentException shared =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ExperimentRegistry.ofLessons(
                                        List.of(
                                                LessonExperiments.of("first", "first", FIRST_RUN),
                                                LessonExperiments.of(
                                                        "second", "first", FIRST_CHECK))));
        assertEquals("two lessons share the topic first", shared.getMessage());
        IllegalArgumentException twice =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ExperimentRegistry.ofLessons(
                                        List.of(
                                                LessonExperiments.of(
                                                        "first", "first", FIRST_RUN, FIRST_RUN))));
        assertEquals("two experiments share the id first-run", twice.getMessage());
    }

    @Test
    void aRegistryMadeOnFirstUseMakesItsExperimentsOnceAndChecksThemThen() {
        AtomicInteger made = new AtomicInteger();
        ExperimentRegistry registry =
                ExperimentRegistry.ofLessons(
                        () -> {
                            made.incrementAndGet();
                            return List.of(
                                    LessonExperiments.of("first", "first", FIRST_RUN),
                                    LessonExperiments.of("second", "second", SECOND_RUN));
                        });
        assertEquals(0, made.get(), "nothing is made before it is used");
        assertEquals("second", registry.lessonOf("second-run").orElseThrow());
        assertEquals(2, registry.all().size());
        assertEquals(1, made.get());

        ExperimentRegistry broken =
                ExperimentRegistry.ofLessons(
                        () ->
                                List.of(
                                        LessonExperiments.of(
                                                "first", "first", FIRST_RUN, FIRST_RUN)));
        IllegalArgumentException twice =
                assertThrows(IllegalArgumentException.class, () -> broken.find("first-run"));
        assertEquals("two experiments share the id first-run", twice.getMessage());
    }

    @Test
    void aLessonsIdsStartWithItsTopic() {
        IllegalArgumentException wrong =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LessonExperiments.of("second", "second", FIRST_EXTRA));
        assertEquals(
                "first-extra belongs to lesson second, so its id starts with \"second-\"",
                wrong.getMessage());
    }

    @Test
    void theRegistryAnswersWhichLessonAnExperimentBelongsTo() {
        ExperimentRegistry registry =
                ExperimentRegistry.ofLessons(
                        List.of(
                                LessonExperiments.of("first", "first", FIRST_RUN),
                                LessonExperiments.of("second", "second", SECOND_RUN)));
        assertEquals("first", registry.lessonOf("first-run").orElseThrow());
        assertEquals("second", registry.lessonOf("second-run").orElseThrow());
        assertTrue(registry.lessonOf("first-extra").isEmpty());
        assertTrue(FakeExperiments.registry().lessonOf("test-count").isEmpty());
    }

    @Test
    void experimentInfoRefusesIncompleteMetadata() {
        assertThrows(
                IllegalArgumentException.class, () -> new ExperimentInfo("Echo_Rtt", "t", "d"));
        assertThrows(
                IllegalArgumentException.class, () -> new ExperimentInfo("echo-rtt", " ", "d"));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentInfo("echo-rtt", "t", ""));
        ParamSpec port = ParamSpec.port("port", 7, "a port");
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExperimentInfo("echo-rtt", "t", "d", port, port));
    }

    private static Experiment experiment(String id) {
        ExperimentInfo info = new ExperimentInfo(id, "Runs " + id, "For the placement fixture.");
        return new Experiment() {
            @Override
            public ExperimentInfo info() {
                return info;
            }

            @Override
            public void run(Params params, Report report) {}
        };
    }

    private static Experiment check(String id) {
        ExperimentInfo info = new ExperimentInfo(id, "Checks " + id, "For the placement fixture.");
        return new Check() {
            @Override
            public ExperimentInfo info() {
                return info;
            }

            @Override
            public void run(Params params, Report report) {}
        };
    }
}
