package dev.loopbacklab.web.room;

import dev.loopbacklab.web.HeldRequest;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An answer that waits for a change, holding no thread meanwhile: the request goes asynchronous and
 * is answered when {@code change} completes or after {@link #WAIT_SECONDS} with what is current.
 * The wait stays well under the lab's 30 s idle timeout, so Jetty never gives up on it first; if
 * Jetty still completes the request itself (the client went away), it is only forgotten ({@link
 * HeldRequest} never resumes a request Jetty has recycled).
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
        HeldRequest held =
                HeldRequest.hold(
                        ctx,
                        () -> {
                            if (settled.compareAndSet(false, true)) {
                                change.cancel(false); // the client went away: forget the wait
                            }
                        });
        change.whenComplete(
                (value, failure) -> {
                    if (failure == null && settled.compareAndSet(false, true)) {
                        held.finish(() -> Json.answer(ctx, 200, body.apply(value)));
                    }
                });
        CompletableFuture.delayedExecutor(WAIT_SECONDS, TimeUnit.SECONDS)
                .execute(
                        () -> {
                            if (settled.compareAndSet(false, true)) {
                                change.cancel(false);
                                held.finish(() -> Json.answer(ctx, 200, body.apply(now.get())));
                            }
                        });
    }
}
