package dev.loopbacklab.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's events in order, each tagged with the cell run it belongs to (0 for the session
 * itself). One reader (the page's stream) takes them as they come; what it has taken is dropped, so
 * a long session does not grow without bound.
 */
public final class EventLog {
    /** One event, its place in the log, and its run. */
    public record Entry(long seq, int run, CellEvent event) {}

    private final List<Entry> entries = new ArrayList<>();
    private long next;

    synchronized void append(int run, CellEvent event) {
        entries.add(new Entry(next++, run, event));
        notifyAll();
    }

    /**
     * The events from {@code seq} on, waiting up to {@code waitMillis} for one if there are none;
     * the ones before {@code seq} are dropped.
     */
    synchronized List<Entry> from(long seq, long waitMillis) throws InterruptedException {
        entries.removeIf(e -> e.seq() < seq);
        if (entries.isEmpty() && waitMillis > 0) {
            wait(waitMillis);
        }
        return List.copyOf(entries);
    }
}
