package dev.loopbacklab.web.tuning;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Walks a run's cold paths before the learner presses Run, on a daemon thread of its own and only
 * after pages went out, so neither the start nor a page waits for it: the path every run shares
 * once the first page was served, and a lesson's own experiments' paths (an embedded database's
 * engine, say) once that lesson's page was. Cold, the first Run after start waited 0.3–0.6 s for
 * its first event on a quiet machine, most of it loading what these walk (bench/README.md, {@code
 * first-event}). A Run pressed before a walk is done finds part of it done; a walk never reports,
 * and one that fails leaves the real run to fail and say why.
 */
public final class FirstRunWarmUp implements AutoCloseable {
    private final Runnable shared;
    private final Consumer<String> lesson;
    private final AtomicBoolean sharedQueued = new AtomicBoolean();
    private final Set<String> lessonsQueued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor thread =
            new ThreadPoolExecutor(
                    1,
                    1,
                    5,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "lab-warm-up-runs");
                        t.setDaemon(true);
                        return t;
                    });

    /**
     * Walks {@code shared} after the first page, and {@code lesson} with a lesson's id after that
     * lesson's first page.
     */
    public FirstRunWarmUp(Runnable shared, Consumer<String> lesson) {
        this.shared = shared;
        this.lesson = lesson;
        thread.allowCoreThreadTimeOut(true); // no thread once the walks are done
    }

    /** A page went out: the index ({@code lessonId} null) or a lesson's. Returns at once. */
    public void pageServed(String lessonId) {
        if (sharedQueued.compareAndSet(false, true)) {
            walk(shared);
        }
        if (lessonId != null && lessonsQueued.add(lessonId)) {
            walk(() -> lesson.accept(lessonId));
        }
    }

    private void walk(Runnable path) {
        try {
            thread.execute(
                    () -> {
                        try {
                            path.run();
                        } catch (RuntimeException | LinkageError e) {
                            // the real run takes the same path and reports what goes wrong
                        }
                    });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the lab is stopping
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
