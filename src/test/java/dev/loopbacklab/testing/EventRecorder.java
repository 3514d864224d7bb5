package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Report;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every fake report of the tests shares: each event kept in order (any thread may read them
 * while the run goes on), what the run asked to have closed when it is cancelled, and readers of
 * the events. Subclasses decide when a run counts as cancelled.
 */
public abstract class EventRecorder implements Report {
    /** Every event the run emitted, in order. */
    public final List<Event> events = new CopyOnWriteArrayList<>();

    /** What the run registered with {@link #closeOnCancel}, in order. */
    protected final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @Override
    public void emit(Event event) {
        events.add(event);
    }

    @Override
    public void closeOnCancel(AutoCloseable resource) {
        toClose.add(resource);
    }

    /** The events of one type, in order. */
    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The first table whose caption starts with {@code captionStart}; fails if there is none. */
    public Event.Table table(String captionStart) {
        return all(Event.Table.class).stream()
                .filter(t -> t.caption().startsWith(captionStart))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no table " + captionStart + " in " + events));
    }

    /** The run's one verdict; fails if there is none or more than one. */
    public Event.Verdict onlyVerdict() {
        List<Event.Verdict> verdicts = all(Event.Verdict.class);
        if (verdicts.size() != 1) {
            throw new AssertionError("expected one verdict, got " + events);
        }
        return verdicts.get(0);
    }
}
