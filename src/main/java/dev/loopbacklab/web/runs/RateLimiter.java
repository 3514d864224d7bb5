package dev.loopbacklab.web.runs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} events per client in each window of time (a fixed window per client,
 * started by its first event). Forgets clients whose window has passed, so memory stays bounded by
 * the clients of the last window.
 */
final class RateLimiter {
    private static final int PRUNE_ABOVE = 1_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, long[]> windows = new HashMap<>();

    RateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "a rate limit needs a limit >= 1 and a positive window");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    RateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    /** Counts one event for {@code client}; false when it is over its limit for this window. */
    synchronized boolean tryAcquire(String client) {
        long now = clock.getAsLong();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> now - w[0] >= windowNanos);
        }
        long[] window = windows.get(client);
        if (window == null || now - window[0] >= windowNanos) {
            windows.put(client, new long[] {now, 1});
            return true;
        }
        if (window[1] >= limit) {
            return false;
        }
        window[1]++;
        return true;
    }

    /** How many clients it remembers now. */
    synchronized int clients() {
        return windows.size();
    }
}
