package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A report that keeps every event for assertions and, like the web run, closes registered
 * resources when cancelled.
 */
class RecordingReport implements Report {
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  private final Predicate<RecordingReport> cancelWhen;
  private volatile boolean cancelled;

  RecordingReport() {
    this(report -> false);
  }

  /** A report that cancels itself the first time {@code cancelWhen} holds when asked. */
  RecordingReport(Predicate<RecordingReport> cancelWhen) {
    this.cancelWhen = cancelWhen;
  }

  @Override
  public void emit(Event event) {
    events.add(event);
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

  @Override
  public void closeOnCancel(AutoCloseable resource) {
    toClose.add(resource);
  }

  <T extends Event> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Event event : events) {
      if (type.isInstance(event)) {
        found.add(type.cast(event));
      }
    }
    return found;
  }

  Event.Fact fact(String label) {
    return all(Event.Fact.class).stream().filter(f -> f.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label + " in " + events));
  }

  Event.Verdict verdict() {
    List<Event.Verdict> verdicts = all(Event.Verdict.class);
    if (verdicts.size() != 1) {
      throw new AssertionError("expected exactly one verdict, got " + events);
    }
    return verdicts.get(0);
  }
}
