package dev.loopbacklab.experiments.echo;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Round trips without any socket: a second thread in this JVM takes each message from a {@link
 * SynchronousQueue} and hands it straight back through another. No network stack is involved, but a
 * thread that waits is parked, and waking it is the kernel scheduler's job: that wake-up is also
 * part of every socket round trip.
 */
final class HandOffPinger implements Pinger {
    private static final long WAIT_SECONDS = 1;
    private final SynchronousQueue<Long> toEcho = new SynchronousQueue<>();
    private final SynchronousQueue<Long> back = new SynchronousQueue<>();
    private final Thread echo;

    HandOffPinger() {
        echo = new Thread(this::echoLoop, "handoff-echo");
        echo.setDaemon(true);
        echo.start();
    }

    private void echoLoop() {
        try {
            while (true) {
                back.put(toEcho.take());
            }
        } catch (InterruptedException e) {
            // close() interrupts us: time to stop.
        }
    }

    @Override
    public boolean roundTrip(long seq) throws InterruptedException {
        // Timed waits, so a dead echo thread ends the run instead of hanging it.
        if (!toEcho.offer(seq, WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "the hand-off thread did not take a message within 1 s");
        }
        Long reply = back.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (reply == null || reply != seq) {
            throw new IllegalStateException("the hand-off thread did not answer message " + seq);
        }
        return true;
    }

    @Override
    public void close() {
        echo.interrupt();
        try {
            echo.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
