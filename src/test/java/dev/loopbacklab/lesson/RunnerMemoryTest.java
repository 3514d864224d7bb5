package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run that runs out of memory says so in the page, and the next run is unaffected: under the
 * README's -Xmx128m, runs died with OutOfMemoryError and the page showed a bare "failed" while the
 * stack traces went to the terminal.
 */
class RunnerMemoryTest {

    /** Asks for an array the JVM can never give (the JVM refuses it without using the heap). */
    static final class Greedy implements Experiment {
        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("test-greedy", "Greedy", "Allocates too much.");
        }

        @Override
        public void run(Params params, Report report) {
            long[] all = new long[Integer.MAX_VALUE - 16];
            report.say("never " + all.length);
        }
    }

    @Test
    void aRunOutOfMemorySaysWhyAndTheNextRunIsFine() {
        RecordingReport failed = new RecordingReport();
        Outcome outcome = Runner.run(new Greedy(), Params.defaults(List.of()), failed);
        assertEquals(Outcome.FAILED, outcome);
        Event.Failure failure = failed.all(Event.Failure.class).get(0);
        assertTrue(failure.message().startsWith("the lab ran out of memory"), failure.message());
        assertTrue(failure.message().contains("OutOfMemoryError"), failure.message());

        RecordingReport next = new RecordingReport();
        Experiment fine =
                new Experiment() {
                    @Override
                    public ExperimentInfo info() {
                        return new ExperimentInfo("test-fine", "Fine", "Says hello.");
                    }

                    @Override
                    public void run(Params params, Report report) {
                        report.say("hello");
                    }
                };
        assertEquals(Outcome.COMPLETED, Runner.run(fine, Params.defaults(List.of()), next));
    }
}
