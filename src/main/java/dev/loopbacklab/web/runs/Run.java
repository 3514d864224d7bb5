package dev.loopbacklab.web.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.web.view.EventHtml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of an experiment: the events it has reported so far (kept, so a stream opened late
 * replays from the start), its state, and the means to stop it. Progress events are thinned to at
 * most one every 50 ms so a fast sweep is not slowed down by its own reporting.
 */
public final class Run implements Report {
    private static final long PROGRESS_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String id;
    private final Experiment experiment;
    private final List<Event> events = new ArrayList<>();

    /** When each event was recorded, in microseconds since the epoch (for measuring delivery). */
    private final List<Long> recordedAt = new ArrayList<>();

    /**
     * Each event as its stream sends it (HTML fragment, JSON, time), rendered once when it is
     * recorded, on the reporting thread, however many streams send it.
     */
    private final List<String> payloads = new ArrayList<>();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;
    private volatile Runnable listener;
    private volatile boolean cancelled;
    private volatile String cancelReason;
    private volatile Thread thread;
    private Outcome outcome;
    private long lastProgressNanos;

    private final Map<Class<?>, Object> capabilities;

    private final Deadline deadline;

    Run(String id, Experiment experiment) {
        this(id, experiment, Map.of(), Deadline.none());
    }

    Run(String id, Experiment experiment, Map<Class<?>, Object> capabilities, Deadline deadline) {
        this.id = id;
        this.experiment = experiment;
        this.capabilities = capabilities;
        this.deadline = deadline;
    }

    public String id() {
        return id;
    }

    public Experiment experiment() {
        return experiment;
    }

    @Override
    public void emit(Event event) {
        synchronized (this) {
            if (outcome != null) {
                return;
            }
            if (event instanceof Event.Progress p && p.done() < p.total()) {
                long now = System.nanoTime();
                if (now - lastProgressNanos < PROGRESS_GAP_NANOS) {
                    return;
                }
                lastProgressNanos = now;
            }
            record(event);
            notifyAll();
        }
        changed();
    }

    /**
     * Calls {@code onChange} (on the reporting thread, so it must be quick) whenever an event is
     * recorded or the run ends; replaces the one set before.
     */
    void listen(Runnable onChange) {
        this.listener = onChange;
    }

    private void changed() {
        Runnable onChange = listener;
        if (onChange != null) {
            onChange.run();
        }
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return Optional.ofNullable(capabilities.get(type)).map(type::cast);
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void closeOnCancel(AutoCloseable resource) {
        boolean closeNow;
        synchronized (this) {
            closeNow = cancelled;
            if (!closeNow) {
                toClose.add(resource);
            }
        }
        if (closeNow) {
            closeQuietly(resource);
        }
    }

    /** Stops the run: flags it, closes what it registered, and interrupts its thread. */
    public void cancel(String reason) {
        List<AutoCloseable> closing;
        synchronized (this) {
            if (cancelled || outcome != null) {
                return;
            }
            cancelled = true;
            cancelReason = reason;
            closing = new ArrayList<>(toClose);
            toClose.clear();
        }
        closing.forEach(Run::closeQuietly);
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    void attach(Thread runner) {
        this.thread = runner;
    }

    /** Marks the run finished; called once by the registry when the experiment returns. */
    void finish(Outcome result) {
        List<AutoCloseable> closing;
        synchronized (this) {
            if (result == Outcome.CANCELLED && cancelReason != null) {
                record(new Event.Warning("Stopped: " + cancelReason + "."));
            }
            outcome = result;
            endedNanos = System.nanoTime();
            closing = new ArrayList<>(toClose);
            toClose.clear();
            notifyAll();
        }
        closing.forEach(Run::closeQuietly);
        thread = null;
        changed();
    }

    /** The outcome, or null while it is still running. */
    public synchronized Outcome outcome() {
        return outcome;
    }

    /**
     * How long it ran, in milliseconds, from its start to its end (or to now while it is going):
     * the same however late its events are read.
     */
    public long elapsedMillis() {
        long ended = endedNanos;
        return TimeUnit.NANOSECONDS.toMillis(
                (ended != 0 ? ended : System.nanoTime()) - startedNanos);
    }

    /**
     * The events from index {@code from} on, waiting up to {@code waitMillis} for at least one when
     * there are none yet and the run is still going. An empty list means: nothing new (yet).
     */
    public synchronized List<Event> eventsFrom(int from, long waitMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (events.size() <= from && outcome == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /** The events from index {@code from} on, without waiting. */
    synchronized List<Event> eventsFrom(int from) {
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /**
     * The times {@link #eventsFrom} events were recorded, µs since the epoch, from index {@code
     * from}.
     */
    public synchronized List<Long> recordedAtFrom(int from) {
        return List.copyOf(
                recordedAt.subList(Math.min(from, recordedAt.size()), recordedAt.size()));
    }

    /** What its streams send for the events from index {@code from} on. */
    synchronized List<String> payloadsFrom(int from) {
        return List.copyOf(payloads.subList(Math.min(from, payloads.size()), payloads.size()));
    }

    private void record(Event event) {
        long at = epochMicros();
        events.add(event);
        recordedAt.add(at);
        payloads.add(payload(event, at));
    }

    /** The SSE data: the HTML fragment, the event as JSON, and when it happened (µs since 1970). */
    private static String payload(Event event, long atMicros) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("at", atMicros);
        node.put("html", EventHtml.render(event));
        node.set("event", EventJson.tree(event));
        return node.toString();
    }

    /** Now, in microseconds since the epoch: comparable across processes on one machine. */
    public static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** How many events it has recorded so far. */
    public synchronized int eventCount() {
        return events.size();
    }

    /** Every event so far. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing to unblock a cancelled run; the run's own cleanup reports real problems
        }
    }
}
