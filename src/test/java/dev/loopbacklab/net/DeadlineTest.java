package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    @Test
    void aStepIsBoundedByTheEarlierOfItsOwnTimeAndTheRuns() {
        Deadline run = Deadline.in(Duration.ofHours(1));
        assertTrue(
                run.within(Duration.ofSeconds(2)).remaining().compareTo(Duration.ofSeconds(2))
                        <= 0);
        Deadline soon = Deadline.in(Duration.ofMillis(50));
        assertSame(soon, soon.within(Duration.ofHours(1)), "the run's deadline comes first");
    }

    @Test
    void aPassedDeadlineGivesATimeoutOfOneMillisecondNeverZero() {
        // 0 means "wait for ever" to connect() and setSoTimeout()
        Deadline gone = Deadline.in(Duration.ofMillis(-5));
        assertTrue(gone.passed());
        assertEquals(1, gone.millis());
        assertEquals(Duration.ZERO, gone.remaining());
        assertEquals(Duration.ofMillis(1), gone.timeout(Duration.ofSeconds(1)));
    }

    @Test
    void aDeadlinePassesInTime() {
        Deadline soon = Deadline.in(Duration.ofMillis(20));
        assertFalse(Deadline.in(Duration.ofHours(1)).passed());
        Wait.until("the deadline passed", soon::passed);
        assertEquals(1, soon.millis());
    }

    @Test
    void noDeadlineLeavesEachStepItsOwnLimit() {
        Deadline none = Deadline.none();
        assertFalse(none.bounded());
        assertFalse(none.passed());
        Deadline step = none.within(Duration.ofSeconds(2));
        assertTrue(step.bounded());
        assertTrue(step.millis() <= 2000 && step.millis() > 0, step.toString());
    }

    @Test
    void hugeDurationsDoNotOverflow() {
        Deadline far = Deadline.in(Duration.ofDays(365L * 1000));
        assertFalse(far.passed());
        assertEquals(Integer.MAX_VALUE, far.millis());
        assertTrue(Deadline.in(Duration.ofSeconds(Long.MIN_VALUE / 2)).passed());
    }
}
