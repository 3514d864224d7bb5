package dev.loopbacklab.testing;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a state, never for a time: the only limit is JUnit's default timeout, which interrupts
 * the test thread. So a slow (loaded) machine makes a test slower, never red.
 *
 * <p>Not Awaitility: its {@code forever()} wait ignores that interrupt (tried: a test with a 2 s
 * {@code @Timeout} hung until Surefire was killed), and any {@code atMost} would be a second,
 * machine-dependent limit.
 */
public final class Wait {
    private Wait() {}

    /** Returns once {@code condition} holds. */
    public static void until(String what, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            pause(what, null);
        }
    }

    /** Returns the first value of {@code value} that satisfies {@code done}. */
    public static <T> T until(String what, Supplier<T> value, Predicate<? super T> done) {
        T last = value.get();
        while (!done.test(last)) {
            pause(what, last);
            last = value.get();
        }
        return last;
    }

    private static void pause(String what, Object last) {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(
                    "stopped waiting for " + what + (last == null ? "" : "; last seen: " + last),
                    e);
        }
    }
}
