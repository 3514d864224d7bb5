package dev.loopbacklab.web.room;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An answer that waits for a change, holding no thread meanwhile: the request goes asynchronous and
 * is answered when {@code change} completes or after {@link #WAIT_SECONDS} with what is current.
 * The wait stays well under the lab's 30 s idle timeout, so Jetty never gives up on it first; if
 * Jetty still completes the request itself (the client went away), it is only forgotten, never
 * resumed (see EventStreams: resuming a recycled request once made a worker loop for ever).
 */
final class LongPoll {
    static final long WAIT_SECONDS = 15;

    private LongPoll() {}

    static <T> void answer(
            Context ctx, CompletableFuture<T> change, Supplier<T> now, Function<T, Object> body) {
        if (change.isDone() && !change.isCompletedExceptionally()) {
            Json.answer(ctx, 200, body.apply(change.join()));
            return;
        }
        AtomicBoolean settled = new AtomicBoolean();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsyncContext async =
                ctx.req().isAsyncStarted() ? ctx.req().getAsyncContext() : ctx.req().startAsync();
        async.setTimeout(0);
        async.addListener(
                new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        if (settled.compareAndSet(false, true)) {
                            change.cancel(false); // forgotten: Jetty is done with this request
                        }
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        giveUp();
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        giveUp();
                    }

                    private void giveUp() {
                        if (settled.compareAndSet(false, true)) {
                            change.cancel(false);
                            done.complete(null); // inside Jetty's callback: it still holds it
                        }
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // watched already
                    }
                });
        change.whenComplete(
                (value, failure) -> {
                    if (failure == null && settled.compareAndSet(false, true)) {
                        Json.answer(ctx, 200, body.apply(value));
                        done.complete(null);
                    }
                });
        CompletableFuture.delayedExecutor(WAIT_SECONDS, TimeUnit.SECONDS)
                .execute(
                        () -> {
                            if (settled.compareAndSet(false, true)) {
                                change.cancel(false);
                                Json.answer(ctx, 200, body.apply(now.get()));
                                done.complete(null);
                            }
                        });
        ctx.future(() -> done);
    }
}
