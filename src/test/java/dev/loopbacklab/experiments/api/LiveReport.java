package dev.loopbacklab.experiments.api;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Report;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A report another thread can read while the run goes on, and stop the way the web layer does.
 * (The shared {@code testing.RecordingReport} is for runs that finish on the test's thread.)
 */
final class LiveReport implements Report {
  final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

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

  /** Flags the run as stopped, then closes what it waits on. */
  void cancel() throws Exception {
    cancelled = true;
    for (AutoCloseable resource : toClose) {
      resource.close();
    }
  }

  <T extends Event> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  Optional<Event.Fact> fact(String label) {
    return all(Event.Fact.class).stream().filter(f -> f.label().equals(label)).findFirst();
  }

  /** Waits (at most 10 s) for a fact, as a learner waits to read it on the page. */
  Event.Fact awaitFact(String label) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      Optional<Event.Fact> fact = fact(label);
      if (fact.isPresent()) {
        return fact.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no fact " + label + " in " + events);
  }

  Event.Verdict onlyVerdict() {
    List<Event.Verdict> verdicts = all(Event.Verdict.class);
    if (verdicts.size() != 1) {
      throw new AssertionError("expected one verdict, got " + events);
    }
    return verdicts.get(0);
  }
}
