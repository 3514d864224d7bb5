package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Report;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event a run emits, for tests to read back (never cancelled). */
public final class RecordingReport implements Report {
  public final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void emit(Event event) {
    events.add(event);
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  public <T extends Event> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public Event.Table table(String captionStart) {
    return all(Event.Table.class).stream().filter(t -> t.caption().startsWith(captionStart))
        .findFirst().orElseThrow(() -> new AssertionError("no table " + captionStart + " in " + events));
  }

  public Event.Fact fact(String label) {
    return all(Event.Fact.class).stream().filter(f -> f.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label + " in " + events));
  }

  public Event.Table onlyTable() {
    List<Event.Table> tables = all(Event.Table.class);
    if (tables.size() != 1) {
      throw new AssertionError("expected one table, got " + events);
    }
    return tables.get(0);
  }

  public Event.Verdict onlyVerdict() {
    List<Event.Verdict> verdicts = all(Event.Verdict.class);
    if (verdicts.size() != 1) {
      throw new AssertionError("expected one verdict, got " + events);
    }
    return verdicts.get(0);
  }

  public String warnings() {
    return String.join("\n", all(Event.Warning.class).stream().map(Event.Warning::text).toList());
  }

  public String narration() {
    return String.join("\n", all(Event.Narration.class).stream().map(Event.Narration::text).toList());
  }

  /** The cell of {@code table} in the row whose first cell is {@code row}, under {@code header}. */
  public static String cell(Event.Table table, String row, String header) {
    int column = table.headers().indexOf(header);
    if (column < 0) {
      throw new AssertionError("no column " + header + " in " + table.headers());
    }
    return table.rows().stream().filter(r -> r.get(0).equals(row)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + row + " in " + table.rows()))
        .get(column);
  }
}
