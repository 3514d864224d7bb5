package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.LearnerWait;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a check that waits on the learner (it listens on 127.0.0.1:0 and says where in a fact) on a
 * thread of its own, so the test can read its {@link LiveReport} and play the learner meanwhile.
 */
public final class WaitingCheck implements AutoCloseable {
    private final Experiment check;
    private final LiveReport report = new LiveReport();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    public WaitingCheck(Experiment check) {
        this.check = check;
    }

    /** What the check has reported so far, read while it runs. */
    public LiveReport report() {
        return report;
    }

    /** Starts the check through the real {@link Runner} with {@code wait-seconds} set. */
    public Future<Outcome> start(String waitSeconds) {
        Params params = Params.parse(check.params(), Map.of(LearnerWait.SECONDS, waitSeconds));
        return runner.submit(() -> Runner.run(check, params, report));
    }

    /** The port of the fact {@code label}, "127.0.0.1:PORT", once the check has reported it. */
    public int listeningPort(String label) throws InterruptedException {
        String endpoint = report.awaitFact(label);
        return Integer.parseInt(endpoint.substring("127.0.0.1:".length()));
    }

    /**
     * Stops the runner thread; fails the test if the check does not end within 30 s (a hang
     * backstop).
     */
    @Override
    public void close() {
        runner.shutdownNow();
        try {
            assertTrue(runner.awaitTermination(30, TimeUnit.SECONDS), "the check did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the check to stop", e);
        }
    }
}
