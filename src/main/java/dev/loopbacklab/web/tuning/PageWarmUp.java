package dev.loopbacklab.web.tuning;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Renders pages before anyone asks for them, on a daemon thread of its own: {@code first} (the
 * index) at once, while Jetty starts, then {@code rest} (every lesson page) once the site has
 * answered its first page, or {@code restAfter} later at the latest. Rendering the lessons while
 * Jetty started and the first page was served put ~200 ms of work on two cores in the way of that
 * first page (bench/README.md); a page asked for before its turn renders on demand anyway.
 */
public final class PageWarmUp {
    /**
     * How long the lesson pages wait for the first page to go out, at most. Every way into the site
     * (the index, a lesson's link) is a page, so this is only for a lab whose first request is
     * something else; at 2 s it fired on a loaded machine before the index went out and read every
     * lesson in its way.
     */
    public static final Duration REST_AFTER = Duration.ofSeconds(10);

    private final CountDownLatch firstPageServed = new CountDownLatch(1);
    private final Thread thread;

    private PageWarmUp(Runnable first, Runnable rest, Duration restAfter) {
        this.thread =
                new Thread(
                        () -> {
                            try {
                                first.run();
                                firstPageServed.await(restAfter.toMillis(), TimeUnit.MILLISECONDS);
                                rest.run();
                            } catch (RuntimeException e) {
                                // a page that cannot render now says why when it is asked for
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "lab-load-lessons");
        thread.setDaemon(true);
    }

    /**
     * Starts rendering: {@code first} now, {@code rest} after the first page or {@code restAfter}.
     */
    public static PageWarmUp start(Runnable first, Runnable rest, Duration restAfter) {
        PageWarmUp warmUp = new PageWarmUp(first, rest, restAfter);
        warmUp.thread.start();
        return warmUp;
    }

    /** Tells the warm-up that a page went out, so the rest may render now. */
    public void pageServed() {
        firstPageServed.countDown();
    }

    /** Waits up to {@code time} for the warm-up to end; true if it has. */
    public boolean awaitDone(Duration time) throws InterruptedException {
        thread.join(time.toMillis());
        return !thread.isAlive();
    }
}
