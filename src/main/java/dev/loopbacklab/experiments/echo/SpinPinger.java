package dev.loopbacklab.experiments.echo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Round trips with no kernel at all: two threads that never sleep pass a number through one shared
 * variable, each spinning until it sees the other's write. What is left is the time a write takes
 * to reach another core's cache — the floor under every number in this lesson. The price is a whole
 * core kept busy while waiting, which is why real servers do not do this.
 */
final class SpinPinger implements Pinger {
    private static final long GIVE_UP_NANOS = 1_000_000_000L;
    // Odd values travel to the echo thread, even values come back.
    private final AtomicLong ball = new AtomicLong();
    private final Thread echo;
    private volatile boolean closed;

    SpinPinger() {
        echo = new Thread(this::echoLoop, "spin-echo");
        echo.setDaemon(true);
        echo.start();
    }

    private void echoLoop() {
        int spins = 0;
        while (!closed) {
            long value = ball.get();
            if ((value & 1) == 1) {
                ball.set(value + 1);
                spins = 0;
            } else {
                pause(++spins);
            }
        }
    }

    @Override
    public boolean roundTrip(long seq) {
        long sent = seq * 2 + 1;
        ball.set(sent);
        long deadline = 0;
        int spins = 0;
        while (ball.get() != sent + 1) {
            pause(++spins);
            if ((spins & 0xFFFF) == 0) {
                // Checking the clock costs time, so only now and then.
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + GIVE_UP_NANOS;
                } else if (now > deadline) {
                    throw new IllegalStateException(
                            "the spinning thread did not answer message " + seq);
                }
            }
        }
        return true;
    }

    /** Spins politely; after many spins, yields so that one core alone still makes progress. */
    private static void pause(int spins) {
        if (spins < 10_000) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            echo.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
