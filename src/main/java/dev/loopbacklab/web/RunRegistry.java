package dev.loopbacklab.web;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs in progress and recently finished. It caps how many run at once, stops each one after
 * its lifetime, and keeps finished runs for a while so their events can still be replayed.
 */
public final class RunRegistry implements AutoCloseable {
  private static final int KEEP_FINISHED = 200;

  private final int maxConcurrent;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger threadNumber = new AtomicInteger();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(r -> daemon(r, "lab-run-" + threadNumber.incrementAndGet()));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-run-timer"));

  public RunRegistry(int maxConcurrent, Duration lifetime) {
    this.maxConcurrent = maxConcurrent;
    this.lifetime = lifetime;
  }

  /** Thrown when {@link #maxConcurrent} runs are already going. */
  public static final class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  /** Starts {@code experiment} in the background and returns its run at once. */
  public Run start(Experiment experiment, Params params) {
    if (active.incrementAndGet() > maxConcurrent) {
      active.decrementAndGet();
      throw new BusyException("The lab is already running " + maxConcurrent
          + " experiments, its limit. Wait for one to finish, or stop one, and try again.");
    }
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    Run run = new Run(HexFormat.of().formatHex(bytes), experiment);
    synchronized (runs) {
      runs.put(run.id(), run);
      trim();
    }
    ScheduledFuture<?> deadline = timer.schedule(
        () -> run.cancel("it reached the time limit of " + lifetime.toSeconds() + " s"),
        lifetime.toMillis(), TimeUnit.MILLISECONDS);
    try {
      workers.execute(() -> {
        run.attach(Thread.currentThread());
        Outcome outcome = Outcome.FAILED;
        try {
          outcome = Runner.run(experiment, params, run);
        } finally {
          deadline.cancel(false);
          Thread.interrupted();
          // Free the slot first: whoever sees the outcome may start the next run at once.
          active.decrementAndGet();
          run.finish(outcome);
        }
      });
    } catch (RuntimeException e) {
      deadline.cancel(false);
      run.finish(Outcome.FAILED);
      active.decrementAndGet();
      throw e;
    }
    return run;
  }

  public Optional<Run> find(String id) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  /** How many runs are going now. */
  public int active() {
    return active.get();
  }

  private void trim() {
    var finished = runs.values().stream().filter(r -> r.outcome() != null).toList();
    for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
      runs.remove(finished.get(i).id());
    }
  }

  /** Stops every run and the threads behind them. */
  @Override
  public void close() {
    synchronized (runs) {
      runs.values().forEach(r -> r.cancel("the lab is shutting down"));
    }
    workers.shutdown();
    timer.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }
}
