package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.LongSupplier;

/** Waits, briefly and boundedly, for a counter a server thread updates just after it replies. */
final class Eventually {

    private Eventually() {}

    static void assertReaches(long expected, LongSupplier actual, String what) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (actual.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertEquals(expected, actual.getAsLong(), what);
    }
}
