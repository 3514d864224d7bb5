package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Keeps every event a run emits, for tests to read back. By default never cancelled; one made with
 * a condition cancels itself the first time the condition holds when the experiment asks, and then
 * closes what the experiment registered, as the web run does.
 */
public final class RecordingReport extends EventRecorder {

    /** How the run ended, when it went through {@link #run}. */
    public Outcome outcome;

    private final Predicate<RecordingReport> cancelWhen;
    private volatile boolean cancelled;
    private volatile Deadline deadline = Deadline.none();

    public RecordingReport() {
        this(report -> false);
    }

    /** A report that cancels itself the first time {@code cancelWhen} holds when asked. */
    public RecordingReport(Predicate<RecordingReport> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    /** Runs {@code experiment} with {@code raw} parameters through the real {@link Runner}. */
    public static RecordingReport run(Experiment experiment, Map<String, String> raw) {
        return new RecordingReport().running(experiment, raw);
    }

    /**
     * Runs {@code experiment} as a run whose {@link Report#deadline()} is {@code deadline} from
     * now, as the web lab gives each run its own.
     */
    public static RecordingReport run(
            Experiment experiment, Map<String, String> raw, Duration deadline) {
        RecordingReport report = new RecordingReport();
        report.deadline = Deadline.in(deadline);
        return report.running(experiment, raw);
    }

    private RecordingReport running(Experiment experiment, Map<String, String> raw) {
        outcome = Runner.run(experiment, Params.parse(experiment.params(), raw), this);
        return this;
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    /** Runs with default parameters and fails the test unless the run completed. */
    public static RecordingReport completed(Experiment experiment) {
        return completed(experiment, Map.of());
    }

    /** Runs with {@code raw} parameters and fails the test unless the run completed. */
    public static RecordingReport completed(Experiment experiment, Map<String, String> raw) {
        RecordingReport report = run(experiment, raw);
        if (report.outcome != Outcome.COMPLETED) {
            throw new AssertionError("the run ended " + report.outcome + ": " + report.events);
        }
        return report;
    }

    @Override
    public boolean cancelled() {
        if (!cancelled && cancelWhen.test(this)) {
            cancelled = true;
            for (AutoCloseable resource : toClose) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // as the web run does: best effort
                }
            }
        }
        return cancelled;
    }

    public Event.Fact fact(String label) {
        return all(Event.Fact.class).stream()
                .filter(f -> f.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label + " in " + events));
    }

    /** The value of the fact labelled {@code label}. */
    public String factValue(String label) {
        return fact(label).value();
    }

    public Event.Table onlyTable() {
        List<Event.Table> tables = all(Event.Table.class);
        if (tables.size() != 1) {
            throw new AssertionError("expected one table, got " + events);
        }
        return tables.get(0);
    }

    public String warnings() {
        return String.join(
                "\n", all(Event.Warning.class).stream().map(Event.Warning::text).toList());
    }

    public String narration() {
        return String.join(
                "\n", all(Event.Narration.class).stream().map(Event.Narration::text).toList());
    }

    /** The row of {@code table} whose first cell starts with {@code firstCellStart}. */
    public static List<String> row(Event.Table table, String firstCellStart) {
        return table.rows().stream()
                .filter(r -> r.get(0).startsWith(firstCellStart))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no row " + firstCellStart + " in " + table.rows()));
    }

    /**
     * The cell of {@code table} in the row whose first cell is {@code row}, under {@code header}.
     */
    public static String cell(Event.Table table, String row, String header) {
        int column = table.headers().indexOf(header);
        if (column < 0) {
            throw new AssertionError("no column " + header + " in " + table.headers());
        }
        return table.rows().stream()
                .filter(r -> r.get(0).equals(row))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + row + " in " + table.rows()))
                .get(column);
    }
}
