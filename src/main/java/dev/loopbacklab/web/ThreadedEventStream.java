package dev.loopbacklab.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Server-Sent Events route whose body writes from a thread of its own, for streams that have a
 * handful of viewers at most (the room board, a page's JShell session). It replaces Javalin's
 * {@code routes.sse}, which resumes the request when its body returns even if Jetty has recycled it
 * meanwhile (see {@link HeldRequest}); this one finishes it through {@link HeldRequest#finish()}.
 * The run streams, which may number a thousand, hold no thread at all (runs.EventStreams).
 */
public final class ThreadedEventStream {
    /** What a stream does: decide whether to open it, then write until it is over. */
    public interface Body {
        /**
         * Runs on the stream's own thread. Answer without calling {@link Events#open()} to refuse
         * (set the status and result on {@code ctx}, as in any handler).
         */
        void stream(Context ctx, Events events) throws Exception;
    }

    /**
     * Sends a response's event-stream headers (200, {@code text/event-stream}, neither cached nor
     * held back by a proxy) and returns where its frames go: the one place both kinds of stream
     * (these and the run streams, runs.EventStreams) start from.
     */
    public static OutputStream begin(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        return res.getOutputStream();
    }

    /** The response as an event stream. */
    public static final class Events {
        private final Context ctx;
        private final HeldRequest held;
        private OutputStream out;

        private Events(Context ctx, HeldRequest held) {
            this.ctx = ctx;
            this.held = held;
        }

        /** Sends the event-stream headers and returns where frames go. */
        public OutputStream open() throws IOException {
            if (out == null) {
                out = begin(ctx.res());
            }
            return out;
        }

        /** Whether the client has gone (Jetty said so); a failed write says it too. */
        public boolean gone() {
            return held.gone();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ThreadedEventStream.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WRITERS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread thread = new Thread(r, "event-stream-" + THREADS.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });

    private ThreadedEventStream() {}

    /** A handler for {@code routes.get}: 406 unless the client asks for an event stream. */
    public static Handler handler(Body body) {
        return ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
                ctx.status(406)
                        .contentType("text/plain; charset=utf-8")
                        .result(
                                "this is a stream of Server-Sent Events: ask for it with Accept:"
                                        + " text/event-stream (a browser's EventSource does)");
                return;
            }
            HeldRequest held = HeldRequest.hold(ctx, () -> {});
            Events events = new Events(ctx, held);
            WRITERS.execute(
                    () -> {
                        try {
                            body.stream(ctx, events);
                        } catch (IOException gone) {
                            // the client went away mid-write: nothing to tell anyone
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception unexpected) {
                            // the stream just ends and the page reconnects; the log says why
                            if (!events.gone()) {
                                LOG.warn(
                                        "event stream {} ended: {}",
                                        ctx.path(),
                                        unexpected.toString());
                            }
                        } finally {
                            held.finish();
                        }
                    });
        };
    }
}
