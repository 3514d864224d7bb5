package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
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
 * thread of its own, so the test can read its {@link LiveReport} and play the learner meanwhile:
 * {@link #startListening} and act on the port it returns, then read the {@link #verdict}; the cases
 * every waiting check shares are {@link #verdictWhenNobodyComes()} and {@link
 * #stopEndsTheWaitAndCloses}.
 */
public final class WaitingCheck implements AutoCloseable {
    private final Experiment check;
    private final LiveReport report = new LiveReport();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Future<Outcome> started;

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
     * Starts the check with {@code wait-seconds} set and returns the port it announces in the fact
     * {@link LearnerWait#LISTENING}: where the learner goes.
     */
    public int startListening(String waitSeconds) throws InterruptedException {
        started = start(waitSeconds);
        return listeningPort(LearnerWait.LISTENING);
    }

    /** How the run {@link #startListening} started ended, once it has. */
    public Outcome outcome() throws Exception {
        return started.get();
    }

    /** The one verdict of the started run, which must have ended with {@code expected}. */
    public Event.Verdict verdict(Outcome expected) throws Exception {
        assertEquals(expected, outcome(), () -> report.events().toString());
        return report.onlyVerdict();
    }

    /**
     * The failing case every waiting check shares: given one second and nobody comes, it does not
     * pass, and says that it is closed now and to run it again. Returns the verdict, for the
     * check's own words.
     */
    public Event.Verdict verdictWhenNobodyComes() throws Exception {
        started = start("1");
        Event.Verdict verdict = verdict(Outcome.NOT_PASSED);
        assertTrue(
                verdict.details().get(0).contains("run the check again"),
                verdict.details().toString());
        return verdict;
    }

    /**
     * Stop while it waits ({@code waitSeconds}, far longer than the test): the run ends cancelled,
     * without a verdict, and nothing listens on the port it announced any more.
     */
    public void stopEndsTheWaitAndCloses(String waitSeconds) throws Exception {
        int port = startListening(waitSeconds);
        report.cancel();
        assertEquals(Outcome.CANCELLED, outcome());
        assertTrue(report.all(Event.Verdict.class).isEmpty(), () -> report.events().toString());
        NothingListens.at(port);
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
