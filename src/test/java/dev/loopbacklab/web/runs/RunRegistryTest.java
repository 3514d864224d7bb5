package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the registry keeps: going runs always, finished ones up to a bound, oldest forgotten first.
 */
class RunRegistryTest {
    private static final Experiment COUNT = new FakeExperiments.Count();
    private static final Experiment HOLD = new FakeExperiments.Hold();

    private static Run start(RunRegistry runs, Experiment experiment) {
        return runs.start(experiment, Params.parse(experiment.params(), Map.of()));
    }

    private static void awaitOutcome(Run run) {
        Wait.until("an outcome of " + run.id(), () -> run.outcome() != null);
    }

    @Test
    void keepsTheLastFinishedRunsAndForgetsTheOldestFirst() throws Exception {
        try (RunRegistry runs = new RunRegistry(4, Duration.ofSeconds(30))) {
            Run holding = start(runs, HOLD);
            List<Run> done = new ArrayList<>();
            int extra = 25;
            for (int i = 0; i < RunRegistry.KEEP_FINISHED + extra; i++) {
                Run run = start(runs, COUNT);
                awaitOutcome(run);
                done.add(run);
            }
            awaitKnown(runs, RunRegistry.KEEP_FINISHED + 1);
            for (int i = 0; i < done.size(); i++) {
                assertEquals(i >= extra, runs.find(done.get(i).id()).isPresent(), "run " + i);
            }
            assertTrue(runs.find(holding.id()).isPresent(), "a going run is never forgotten");
            holding.cancel("test over");
        }
    }

    // The worker notes a finished run just after its outcome is visible: wait for the bookkeeping.
    private static void awaitKnown(RunRegistry runs, int expected) {
        Wait.until(expected + " runs known", () -> runs.known() == expected);
    }

    @Test
    void refusesARunBeyondTheCapAndTakesOneWhenASlotFrees() throws Exception {
        try (RunRegistry runs = new RunRegistry(1, Duration.ofSeconds(30))) {
            Run holding = start(runs, HOLD);
            assertThrows(RunRegistry.BusyException.class, () -> start(runs, COUNT));
            holding.cancel("make room");
            awaitOutcome(holding);
            Wait.until("no active run", () -> runs.active() == 0);
            Run next = start(runs, COUNT);
            awaitOutcome(next);
            assertTrue(runs.find(next.id()).isPresent());
            assertTrue(runs.find("no-such-run").isEmpty());
        }
    }

    @Test
    void eachRunSeesADeadlineBeforeItsLifetimeEnds() throws Exception {
        // 2 s of margin at most: a 30 s lifetime gives experiments 28 s to end with a verdict
        assertEquals(Duration.ofSeconds(28), RunRegistry.deadlineWithin(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMillis(270), RunRegistry.deadlineWithin(Duration.ofMillis(300)));
        try (RunRegistry runs = new RunRegistry(1, Duration.ofSeconds(30))) {
            Run holding = start(runs, HOLD);
            Duration left = holding.deadline().remaining();
            assertTrue(holding.deadline().bounded());
            assertTrue(left.compareTo(Duration.ofSeconds(28)) <= 0, left.toString());
            assertTrue(left.compareTo(Duration.ZERO) > 0, left.toString());
            holding.cancel("test over");
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunRegistry(1, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }
}
