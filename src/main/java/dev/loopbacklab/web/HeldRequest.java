package dev.loopbacklab.web;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request held open without a thread (an event stream, a long poll) and finished safely.
 *
 * <p>Javalin resumes a held request when the future handed to {@code ctx.future} completes: it runs
 * the remaining tasks, logs the request and completes it. If Jetty has already completed and
 * recycled that request (its client went away and Jetty gave up on it), every one of those tasks
 * throws, Javalin queues its exception handler, that throws as well (it reads a header of the
 * recycled request), and the worker thread loops for ever: Javalin 7.2.3's {@code
 * JavalinServlet.handleTask}, seen as ten million "Exception handler … threw an error" lines in one
 * test run. Javalin's own SSE route ({@code routes.sse}) has the same race when its client leaves.
 *
 * <p>Jetty recycles a request only after it has told the request's {@link AsyncListener}s {@code
 * onComplete}. So one lock decides: {@link #finish()} resumes the request only while {@code
 * onComplete} has not run, and {@code onComplete} waits for a {@code finish()} in progress. On an
 * error or a timeout, Jetty's own callback finishes the request, which is safe there: Jetty holds
 * the request until that callback returns.
 */
public final class HeldRequest {
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Void> resume = new CompletableFuture<>();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final Runnable onGone;
    private boolean completedByJetty; // guarded by lock

    private HeldRequest(Runnable onGone) {
        this.onGone = onGone;
    }

    /**
     * Holds {@code ctx}'s request open once the handler returns, with no time limit, until {@link
     * #finish()}. {@code onGone} runs once, on Jetty's thread, if Jetty reports the exchange over
     * (the client left, an error, a timeout, or the request completed) before or after {@code
     * finish()}.
     */
    public static HeldRequest hold(Context ctx, Runnable onGone) {
        HeldRequest held = new HeldRequest(onGone);
        AsyncContext async =
                ctx.req().isAsyncStarted() ? ctx.req().getAsyncContext() : ctx.req().startAsync();
        async.setTimeout(0); // the holder decides when it ends; heartbeats find clients that left
        async.addListener(held.listener());
        ctx.future(() -> held.resume);
        return held;
    }

    /**
     * Lets Javalin finish the request (its after-handlers, request log and completion), unless
     * Jetty has completed it already. Safe from any thread, any number of times.
     *
     * @return false when Jetty had completed the request, so nothing was done
     */
    public boolean finish() {
        return finish(() -> {});
    }

    /**
     * Sets the answer with {@code answer} (status, result) and finishes the request, both only
     * while Jetty has not completed it: a recycled response is never touched.
     *
     * @return false when Jetty had completed the request, so {@code answer} did not run
     */
    public boolean finish(Runnable answer) {
        lock.lock();
        try {
            if (completedByJetty || resume.isDone()) {
                return false;
            }
            answer.run();
            resume.complete(null); // Javalin resumes here, on this thread, under the lock
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether Jetty has reported the exchange over (the client left, an error, a timeout). */
    public boolean gone() {
        return gone.get();
    }

    private void reportGone() {
        if (gone.compareAndSet(false, true)) {
            onGone.run();
        }
    }

    private AsyncListener listener() {
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                lock.lock();
                try {
                    completedByJetty = true;
                } finally {
                    lock.unlock();
                }
                reportGone();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                reportGone();
                finish();
            }

            @Override
            public void onError(AsyncEvent event) {
                reportGone();
                finish();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // held already
            }
        };
    }
}
