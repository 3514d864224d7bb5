package dev.loopbacklab.experiments.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.lesson.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Keeps every event of one run, with look-ups for what the tests assert on. */
final class RecordingReport implements Report {
  final List<Event> events = new ArrayList<>();
  Outcome outcome;

  /** Runs {@code experiment} with {@code raw} parameters through the real {@link Runner}. */
  static RecordingReport run(Experiment experiment, Map<String, String> raw) {
    RecordingReport report = new RecordingReport();
    report.outcome = Runner.run(experiment, Params.parse(experiment.params(), raw), report);
    return report;
  }

  /** Runs with default parameters and fails the test unless the run completed. */
  static RecordingReport completed(Experiment experiment) {
    RecordingReport report = run(experiment, Map.of());
    assertEquals(Outcome.COMPLETED, report.outcome, () -> "events: " + report.events);
    return report;
  }

  @Override
  public void emit(Event event) {
    events.add(event);
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  <T extends Event> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The only table, or the one whose caption starts with {@code captionStart}. */
  Event.Table table(String captionStart) {
    return all(Event.Table.class).stream()
        .filter(t -> t.caption().startsWith(captionStart))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("no table " + captionStart + " in " + events));
  }

  /** The row whose first cell starts with {@code firstCellStart}. */
  static List<String> row(Event.Table table, String firstCellStart) {
    return table.rows().stream()
        .filter(r -> r.get(0).startsWith(firstCellStart))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no row " + firstCellStart + " in " + table));
  }

  String fact(String label) {
    return all(Event.Fact.class).stream()
        .filter(f -> f.label().equals(label))
        .map(Event.Fact::value)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no fact " + label + " in " + events));
  }

  Event.Verdict verdict() {
    List<Event.Verdict> verdicts = all(Event.Verdict.class);
    assertEquals(1, verdicts.size(), () -> "exactly one verdict: " + events);
    return verdicts.get(0);
  }
}
