package dev.loopbacklab.web.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LessonExperiments;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A lab warms an experiment's first run when its lesson's page goes out, and not before. */
class FirstRunWarmUpLabTest {
    static final class Counted implements Experiment {
        final AtomicInteger warmed = new AtomicInteger();
        final AtomicReference<String> thread = new AtomicReference<>();

        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("test-count", "Counted", "Counts its warm-ups.");
        }

        @Override
        public void warmUp() {
            thread.set(Thread.currentThread().getName());
            warmed.incrementAndGet();
        }

        @Override
        public void run(Params params, Report report) {
            report.say("ran");
        }
    }

    @Test
    void theLessonPageWarmsItsExperimentsInTheBackground() throws Exception {
        Counted counted = new Counted();
        ExperimentRegistry registry =
                ExperimentRegistry.ofLessons(
                        List.of(new LessonExperiments("first", "test", List.of(counted))));
        try (LabServer lab = TestLab.start(registry, 4, Duration.ofSeconds(10))) {
            assertEquals(200, RawHttp.get(lab.port(), "/", "127.0.0.1").status());
            assertEquals(0, counted.warmed.get(), "the index does not warm a lesson's experiments");
            assertEquals(200, RawHttp.get(lab.port(), "/lessons/first", "127.0.0.1").status());
            Wait.until("the warm-up", () -> counted.warmed.get() == 1);
            assertEquals("lab-warm-up-runs", counted.thread.get());
        }
    }
}
