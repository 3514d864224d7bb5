package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.Deadline;
import java.util.List;
import java.util.Optional;

/**
 * A report another thread can read while the run goes on, and stop the way the web layer does (for
 * checks that wait on the learner). {@link RecordingReport} is for runs that finish on the test's
 * thread.
 */
public final class LiveReport extends EventRecorder {
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
    public boolean cancelled() {
        return cancelled;
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
