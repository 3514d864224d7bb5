package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A report another thread can read while the run goes on, and stop the way the web layer does (for
 * checks that wait on the learner). {@link RecordingReport} is for runs that finish on the test's
 * thread.
 */
public final class LiveReport implements Report {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private final Deadline deadline;

    /** A report with no run deadline, as on the command line. */
    public LiveReport() {
        this(Deadline.none());
    }

    /** A report whose run must be over by {@code deadline}, as the web lab gives each run. */
    public LiveReport(Deadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    @Override
    public void emit(Event event) {
        events.add(event);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void closeOnCancel(AutoCloseable resource) {
        toClose.add(resource);
    }

    /** Stops the run the way the web layer does: flag it, then close what it waits on. */
    public void cancel() throws Exception {
        cancelled = true;
        for (AutoCloseable resource : toClose) {
            resource.close();
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The value of the first fact whose label starts with {@code label}. */
    public Optional<String> fact(String label) {
        return all(Event.Fact.class).stream()
                .filter(f -> f.label().startsWith(label))
                .map(Event.Fact::value)
                .findFirst();
    }

    /** The first fact whose label starts with {@code label}, as the whole event. */
    public Optional<Event.Fact> factEvent(String label) {
        return all(Event.Fact.class).stream().filter(f -> f.label().startsWith(label)).findFirst();
    }

    /** The run's one verdict; fails if there is none or more than one. */
    public Event.Verdict onlyVerdict() {
        List<Event.Verdict> verdicts = all(Event.Verdict.class);
        if (verdicts.size() != 1) {
            throw new AssertionError("expected one verdict, got " + events);
        }
        return verdicts.get(0);
    }

    public String requireFact(String label) {
        return fact(label)
                .orElseThrow(() -> new AssertionError("no fact " + label + " in " + events));
    }

    /** Waits until a fact appears, as a learner would wait to read it on the page. */
    public String awaitFact(String label) {
        return Wait.until(
                        "the fact " + label + " in " + events,
                        () -> fact(label),
                        Optional::isPresent)
                .orElseThrow();
    }

    public Event.Table table(String captionStart) {
        return all(Event.Table.class).stream()
                .filter(t -> t.caption().startsWith(captionStart))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no table " + captionStart + " in " + events));
    }

    /** The cell of a table in the row labelled {@code rowStart} and the column {@code header}. */
    public static String cell(Event.Table table, String rowStart, String header) {
        int column = table.headers().indexOf(header);
        return table.rows().stream()
                .filter(r -> r.get(0).startsWith(rowStart))
                .map(r -> r.get(column))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowStart + " in " + table));
    }

    /** The leading whole number of a value such as {@code "9,990 (99.9%)"}. */
    public static int number(String value) {
        String digits = value.replace(",", "").split("[^0-9-]", 2)[0];
        return Integer.parseInt(digits);
    }
}
