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
 *
 * <p>Why holding our lock across Javalin's resume cannot deadlock with Jetty (read in Jetty
 * 12.1.12's sources; {@code
 * HeldRequestTest.jettyCallsTheHeldRequestsListenerWithoutHoldingItsChannelLock} checks the first
 * point, so an upgrade that breaks it fails there):
 *
 * <ul>
 *   <li>Jetty calls every {@link AsyncListener} with none of its locks held. {@code
 *       ServletChannelState.completed}, {@code onTimeout}, {@code onError} and {@code startAsync}
 *       copy the listeners under the state's {@code AutoLock}, release it, and only then call them
 *       (through {@code runInContext}, i.e. {@code ContextHandler.ScopedContext.run}, which sets
 *       the class loader and takes no lock). {@code HttpOutput.onWriteComplete} likewise releases
 *       the same lock before it runs the closed-callback that leads to {@code completed}, and the
 *       core {@code HttpChannelState.ChannelResponse.succeeded/failed} release theirs before the
 *       write callback runs.
 *   <li>What our thread does under our lock takes Jetty's locks only briefly and never waits for a
 *       listener: {@code AsyncContextState.complete} → {@code ServletChannelState.complete} changes
 *       state under its lock and, if the request was waiting, runs {@code ServletChannel.handle} on
 *       our thread with the lock released; an {@code onComplete} reached from there runs on our own
 *       thread, and our lock is reentrant.
 *   <li>The one wait left is a blocking write under our lock. Jetty would complete it through the
 *       request's serialized write invoker, on which {@code onComplete} can also run (after the
 *       last write). But a request has one write in flight at a time, and its last write must
 *       complete before {@code onComplete}; if the client fails instead, {@code
 *       HttpChannelState.onFailure} fails the waiting write first and skips the failure listeners
 *       while a writer waits.
 * </ul>
 *
 * <p>Taking the foreign calls out of the lock (decide under it, act after it) would not help: the
 * point of the lock is that {@code onComplete}, and so Jetty's recycling, waits for the resume.
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
     * Jetty has completed it already. Safe from any thread, any number of times, but never while
     * another thread of the caller's is writing to the response: completing a response cancels a
     * write in progress, and Jetty 12.1.12 can wait for ever for it to let go ({@code EventStreams}
     * holds one lock for its writes and its finish for this reason).
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
