package dev.loopbacklab.net;

import java.time.Duration;

/**
 * A moment by which something must be over, such as a run of an experiment. Every blocking call
 * waits at most until then: a socket's connect and read timeouts come from {@link #millis()}, so a
 * slow or silent server cannot hold the caller past it.
 *
 * <pre>{@code
 * Deadline step = Deadline.in(Duration.ofSeconds(30)).within(Duration.ofSeconds(2));
 * socket.connect(address, step.millis());   // 2 s at most, less if the 30 s are nearly up
 * }</pre>
 *
 * <p>Times come from {@link System#nanoTime()}, so changing the clock does not move a deadline.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(0, false);

    private final long atNanos;
    private final boolean bounded;

    private Deadline(long atNanos, boolean bounded) {
        this.atNanos = atNanos;
        this.bounded = bounded;
    }

    /**
     * A deadline {@code time} from now.
     *
     * @param time how long from now; zero or negative means it has passed already
     * @return the deadline
     */
    public static Deadline in(Duration time) {
        return new Deadline(System.nanoTime() + saturatedNanos(time), true);
    }

    /**
     * No deadline: where nothing limits the whole (the command line, JShell), each step still
     * bounds itself with {@link #within}.
     *
     * @return the deadline that never passes
     */
    public static Deadline none() {
        return NONE;
    }

    /**
     * The earlier of this deadline and {@code step} from now: one step of a run, such as waiting
     * for a reply, bounded by its own time and by the run's.
     *
     * @param step the longest this step may take
     * @return the earlier deadline
     */
    public Deadline within(Duration step) {
        Deadline own = in(step);
        return !bounded || own.atNanos - atNanos < 0 ? own : this;
    }

    /**
     * How long is left, never negative.
     *
     * @return the time left, zero once it has passed; very long when there is no deadline
     */
    public Duration remaining() {
        if (!bounded) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /**
     * Whether it has passed.
     *
     * @return true once the time is up
     */
    public boolean passed() {
        return bounded && atNanos - System.nanoTime() <= 0;
    }

    /**
     * Whether this deadline has a time at all ({@link #none()} has not).
     *
     * @return true for a deadline made with {@link #in}
     */
    public boolean bounded() {
        return bounded;
    }

    /**
     * The time left as a socket timeout, for {@code connect(address, millis)} and {@code
     * setSoTimeout}: at least 1, because 0 would mean "wait forever" to both; once the deadline has
     * passed the call times out at once.
     *
     * @return milliseconds, from 1 to {@link Integer#MAX_VALUE}
     */
    public int millis() {
        if (!bounded) {
            return Integer.MAX_VALUE;
        }
        long left = Math.max(0, atNanos - System.nanoTime());
        long millis = (left + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /**
     * A timeout for one blocking step, for methods that take a {@link Duration} (such as {@link
     * Probe#connect}): {@code step}, or what is left if that is less; at least 1 ms.
     *
     * @param step the longest the step may take
     * @return the timeout to pass on
     */
    public Duration timeout(Duration step) {
        return Duration.ofMillis(within(step).millis());
    }

    @Override
    public String toString() {
        return bounded ? remaining().toMillis() + " ms left" : "no deadline";
    }

    private static long saturatedNanos(Duration time) {
        // a quarter of the range either way, so that sums and differences of nanoTime values
        // cannot overflow (a deadline years away is as good as none)
        long limit = Long.MAX_VALUE / 4;
        try {
            return Math.max(-limit, Math.min(limit, time.toNanos()));
        } catch (ArithmeticException e) {
            return time.isNegative() ? -limit : limit;
        }
    }
}
