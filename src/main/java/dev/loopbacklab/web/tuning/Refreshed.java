package dev.loopbacklab.web.tuning;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again at most once per {@code maxAge}: for a fact of the OS that a page shows on
 * every request but that changes rarely (reading {@code /proc} on every request cost the lesson
 * page a large share of its throughput), while a change still shows on the next reload after it.
 */
public final class Refreshed<T> implements Supplier<T> {
    private record Timed<T>(T value, long readAtNanos) {}

    private final long maxAgeNanos;
    private final Supplier<T> read;
    private volatile Timed<T> last;

    private Refreshed(Duration maxAge, Supplier<T> read) {
        this.maxAgeNanos = maxAge.toNanos();
        this.read = read;
    }

    /** {@code read}'s value, read again when the last reading is older than {@code maxAge}. */
    public static <T> Refreshed<T> every(Duration maxAge, Supplier<T> read) {
        return new Refreshed<>(maxAge, read);
    }

    @Override
    public T get() {
        Timed<T> known = last;
        long now = System.nanoTime();
        if (known == null || now - known.readAtNanos() > maxAgeNanos) {
            known = new Timed<>(read.get(), now);
            last = known;
        }
        return known.value();
    }
}
