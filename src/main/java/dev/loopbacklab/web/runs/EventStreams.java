package dev.loopbacklab.web.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.web.HeldRequest;
import dev.loopbacklab.web.ThreadedEventStream;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open event streams of every run, served without a thread each: a stream's request is held
 * open asynchronously (its Jetty thread goes back to the pool), a run's new events are written by a
 * small pool of writers, and one heartbeat thread sends a comment to every stream that has been
 * quiet for a second, which keeps the connection alive and finds clients that left. At most {@code
 * perRun} streams per run (429 beyond) and {@code total} in all (503 beyond). When the last stream
 * of a run that is still going loses its client, the run is cancelled.
 *
 * <p>A stream's lock is held for every write to its response <em>and</em> for finishing its
 * request, so the lab never completes a response while one of its own threads is writing to it.
 * Jetty 12.1.12 does not survive that race: completing the response cancels the write in progress
 * and waits for it to let go ({@code HttpConnection.SendCallback.cancel}), which, caught at the
 * wrong moment, waits for ever. It stopped the lab's {@link #close()} that way (a JDK 25 suite run;
 * reproduced with {@code -XX:ActiveProcessorCount=1}, once in ~270 closes). When Jetty itself
 * reports a stream over, the stream is only forgotten: Jetty's thread must not wait for a writer,
 * and {@link HeldRequest} finishes the request on Jetty's own callback where one is needed.
 */
final class EventStreams implements AutoCloseable {
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int WRITERS = 4;

    /** How long {@link #close()} waits for a writer to let go of a stream, at most. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final int perRun;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Run, Set<Stream>> byRun = new ConcurrentHashMap<>();
    private final Map<Run, AtomicBoolean> flushPending = new ConcurrentHashMap<>();
    private final AtomicInteger writerNumber = new AtomicInteger();
    private final ExecutorService writers =
            Executors.newFixedThreadPool(
                    WRITERS, r -> daemon(r, "lab-stream-writer-" + writerNumber.incrementAndGet()));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-stream-heartbeat"));
    private volatile boolean closing;

    EventStreams(int perRun, int total) {
        this.perRun = perRun;
        this.total = total;
        heartbeat.scheduleWithFixedDelay(this::beat, 1, 1, TimeUnit.SECONDS);
    }

    /** One client's stream of one run. */
    private final class Stream {
        final Run run;
        final SseFrames frames;
        volatile HeldRequest request;
        final AtomicBoolean closed = new AtomicBoolean();
        final ReentrantLock lock = new ReentrantLock();
        int next;
        volatile long lastWriteNanos = System.nanoTime();

        Stream(Run run, SseFrames frames) {
            this.run = run;
            this.frames = frames;
        }
    }

    /** How many streams are open now. */
    int open() {
        return open.get();
    }

    /**
     * Opens a stream of {@code run}'s events on this request, or answers why not: 406 when the
     * client does not accept {@code text/event-stream}, 429 when the run has its most streams, 503
     * when the lab has.
     */
    void open(Context ctx, Run run) throws IOException {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            RunApi.error(
                    ctx,
                    406,
                    "this is a stream of Server-Sent Events: ask for it with Accept:"
                            + " text/event-stream (a browser's EventSource does)",
                    null);
            return;
        }
        if (closing) {
            RunApi.error(ctx, 503, "the lab is stopping", null);
            return;
        }
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            RunApi.error(
                    ctx,
                    503,
                    "the lab is already sending " + total + " event streams; try again shortly",
                    null);
            return;
        }
        Stream stream;
        while (true) {
            Set<Stream> streams = byRun.computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet());
            synchronized (streams) {
                if (byRun.get(run) != streams) {
                    continue; // its last stream just ended and took the set with it
                }
                stream = openOn(ctx, run, streams);
                break;
            }
        }
        if (stream == null) {
            return;
        }
        run.listen(() -> scheduleFlush(run));
        scheduleFlush(run);
    }

    /** Under the run's lock: the new stream, or null when the run has its most (answered 429). */
    private Stream openOn(Context ctx, Run run, Set<Stream> streams) throws IOException {
        {
            if (streams.size() >= perRun) {
                open.decrementAndGet();
                RunApi.error(
                        ctx,
                        429,
                        "this run already has " + perRun + " event streams open; close one first",
                        null);
                return null;
            }
            Stream stream = new Stream(run, new SseFrames(ThreadedEventStream.begin(ctx.res())));
            // held before any writer can see it: a writer that ends it must find its request
            stream.request = HeldRequest.hold(ctx, () -> gone(stream));
            streams.add(stream);
            return stream;
        }
    }

    private void scheduleFlush(Run run) {
        AtomicBoolean pending = flushPending.computeIfAbsent(run, r -> new AtomicBoolean());
        if (pending.compareAndSet(false, true)) {
            try {
                writers.execute(
                        () -> {
                            pending.set(false);
                            flush(run);
                        });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                pending.set(false);
            }
        }
    }

    private void flush(Run run) {
        Set<Stream> streams = byRun.get(run);
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            if (closing) {
                return; // close() ends the rest, once this writer has let go
            }
            stream.lock.lock();
            try {
                if (!stream.closed.get()) {
                    send(stream);
                }
            } catch (IOException | RuntimeException gone) {
                end(stream, true);
            } finally {
                stream.lock.unlock();
            }
        }
    }

    /** Sends what the stream has not had yet, and {@code done} once the run has ended. */
    private void send(Stream stream) throws IOException {
        Run run = stream.run;
        boolean ended = run.outcome() != null;
        List<Event> events = run.eventsFrom(stream.next);
        List<String> payloads = run.payloadsFrom(stream.next);
        for (int i = 0; i < events.size() && i < payloads.size(); i++) {
            stream.frames.event(
                    events.get(i).type(), payloads.get(i), Integer.toString(stream.next++));
            stream.lastWriteNanos = System.nanoTime();
        }
        if (ended && stream.next >= run.eventCount()) {
            ObjectNode done = EventJson.mapper().createObjectNode();
            done.put("outcome", run.outcome().name().toLowerCase(Locale.ROOT));
            done.put("label", run.outcome().label());
            done.put("millis", run.elapsedMillis());
            done.put("at", Run.epochMicros());
            stream.frames.event("done", done.toString(), Integer.toString(stream.next));
            end(stream, false);
        }
    }

    /** A comment to every stream quiet for a second: keeps it open, and finds clients that left. */
    private void beat() {
        long now = System.nanoTime();
        for (Set<Stream> streams : byRun.values()) {
            for (Stream stream : streams) {
                if (closing) {
                    return;
                }
                if (now - stream.lastWriteNanos < HEARTBEAT_NANOS || !stream.lock.tryLock()) {
                    continue;
                }
                try {
                    if (!stream.closed.get()) {
                        stream.frames.comment("waiting");
                        stream.lastWriteNanos = now;
                    }
                } catch (IOException | RuntimeException gone) {
                    end(stream, true);
                } finally {
                    stream.lock.unlock();
                }
            }
        }
    }

    /**
     * Closes a stream once and lets its request finish (unless Jetty has finished it), with the
     * stream's lock held, so that no write of ours to it is in progress; when its client left and
     * it was its run's last, the run stops.
     */
    private void end(Stream stream, boolean clientLeft) {
        if (!stream.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a stream is ended with its lock held");
        }
        if (!stream.closed.compareAndSet(false, true)) {
            return;
        }
        HeldRequest request = stream.request;
        if (request != null) {
            request.finish();
        }
        forget(stream, clientLeft);
    }

    /**
     * Jetty reported the exchange over (the client left, an error, the request completed): the
     * stream is forgotten without waiting for its lock, as a writer may hold it; a write still in
     * progress fails on its own.
     */
    private void gone(Stream stream) {
        if (stream.closed.compareAndSet(false, true)) {
            forget(stream, true);
        }
    }

    private void forget(Stream stream, boolean clientLeft) {
        open.decrementAndGet();
        Set<Stream> streams = byRun.get(stream.run);
        boolean last = false;
        if (streams != null) {
            synchronized (streams) {
                streams.remove(stream);
                if (streams.isEmpty()) {
                    byRun.remove(stream.run, streams);
                    flushPending.remove(stream.run);
                    last = true;
                }
            }
        }
        if (clientLeft && last && stream.run.outcome() == null) {
            stream.run.cancel("the page that was showing it went away");
        }
    }

    /**
     * Stops the threads, waits for them to let go of the streams (a writer stuck on a client that
     * stopped reading is interrupted), then ends every stream. A stream a writer still holds after
     * that is left to Jetty's stop, which closes its connection.
     */
    @Override
    public void close() {
        closing = true;
        heartbeat.shutdownNow();
        writers.shutdownNow();
        try {
            heartbeat.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            writers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            for (Set<Stream> streams : byRun.values()) {
                for (Stream stream : List.copyOf(streams)) {
                    if (stream.lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        try {
                            end(stream, false);
                        } finally {
                            stream.lock.unlock();
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
