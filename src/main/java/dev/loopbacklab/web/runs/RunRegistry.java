package dev.loopbacklab.web.runs;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.Deadline;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    static final int KEEP_FINISHED = 200;

    private final int maxConcurrent;
    private final Duration lifetime;
    private final Duration deadline;
    // Run ids are capabilities (whoever knows one can watch or stop the run), so they come from a
    // CSPRNG; DRBG rather than the default NativePRNG, which serialises every caller through one
    // lock and a read of /dev/urandom: 100 simultaneous starts queued on it (bench/README.md).
    private final SecureRandom random = drbg();
    // Runs by id: the going ones and the last KEEP_FINISHED finished ones (a stream opened late
    // still
    // replays). Lock-free reads: every event stream looks its run up, and a map locked while a
    // start trimmed it made 100 simultaneous streams queue behind each other (bench/README.md).
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Deque<String> finished = new ArrayDeque<>();
    private final Map<Class<?>, Object> capabilities = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.Consumer<Run>> finishListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService workers =
            Executors.newCachedThreadPool(
                    r -> daemon(r, "lab-run-" + threadNumber.incrementAndGet()));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-run-timer"));

    /**
     * Runs at most {@code maxConcurrent} at once, each for at most {@code lifetime}. A run's
     * blocking calls are tied to a deadline a little earlier ({@link #deadlineWithin}), so that an
     * experiment waiting on a slow server ends with its own verdict, and the lifetime only has to
     * stop code that ignores its deadline.
     */
    public RunRegistry(int maxConcurrent, Duration lifetime) {
        this(maxConcurrent, deadlineWithin(lifetime), lifetime);
    }

    /**
     * Runs whose experiments see {@code deadline} ({@link
     * dev.loopbacklab.lesson.Report#deadline()}) and are stopped at {@code lifetime} if they are
     * still going; tests give a short deadline and a long lifetime.
     */
    public RunRegistry(int maxConcurrent, Duration deadline, Duration lifetime) {
        if (deadline.compareTo(lifetime) > 0) {
            throw new IllegalArgumentException("the deadline must come before the lifetime ends");
        }
        this.maxConcurrent = maxConcurrent;
        this.lifetime = lifetime;
        this.deadline = deadline;
    }

    /**
     * The deadline a run's experiment sees within {@code lifetime}: a tenth earlier, 2 s at most,
     * time enough to turn a timed-out read into a verdict (28 s of a 30 s lifetime).
     */
    static Duration deadlineWithin(Duration lifetime) {
        Duration margin = lifetime.dividedBy(10);
        return lifetime.minus(
                margin.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : margin);
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
            throw new BusyException(
                    "The lab is already running "
                            + maxConcurrent
                            + " experiments, its limit. Wait for one to finish, or stop one, and try again.");
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        Run run =
                new Run(
                        HexFormat.of().formatHex(bytes),
                        experiment,
                        capabilities,
                        Deadline.in(deadline));
        runs.put(run.id(), run);
        ScheduledFuture<?> deadline =
                timer.schedule(
                        () ->
                                run.cancel(
                                        "it reached the time limit of "
                                                + lifetime.toSeconds()
                                                + " s"),
                        lifetime.toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            workers.execute(
                    () -> {
                        run.attach(Thread.currentThread());
                        Outcome outcome = Outcome.FAILED;
                        try {
                            outcome = Runner.run(experiment, params, run);
                        } finally {
                            deadline.cancel(false);
                            Thread.interrupted();
                            // Free the slot first: whoever sees the outcome may start the next run
                            // at once.
                            active.decrementAndGet();
                            run.finish(outcome);
                            forgetOldFinished(run);
                            tellFinished(run);
                        }
                    });
        } catch (RuntimeException e) {
            deadline.cancel(false);
            run.finish(Outcome.FAILED);
            active.decrementAndGet();
            forgetOldFinished(run);
            throw e;
        }
        return run;
    }

    /**
     * Calls {@code listener} with each run that ends (on the run's thread, after its outcome is
     * set): a learner's lab tells its workshop room this way. A listener that throws is ignored.
     */
    public void onFinished(java.util.function.Consumer<Run> listener) {
        finishListeners.add(listener);
    }

    private void tellFinished(Run run) {
        for (java.util.function.Consumer<Run> listener : finishListeners) {
            try {
                listener.accept(run);
            } catch (RuntimeException e) {
                // the run has ended either way; a listener's trouble is its own
            }
        }
    }

    /**
     * Offers {@code value} to every run as a capability of this lab (see {@link
     * dev.loopbacklab.lesson.Report#capability}).
     */
    public <T> void provide(Class<T> type, T value) {
        capabilities.put(type, value);
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** How many runs are going now. */
    public int active() {
        return active.get();
    }

    /** How many runs it knows: the going ones and the finished ones it keeps. */
    int known() {
        return runs.size();
    }

    /**
     * Notes that {@code run} finished, and forgets the oldest finished runs beyond the ones kept.
     */
    private void forgetOldFinished(Run run) {
        synchronized (finished) {
            finished.addLast(run.id());
            while (finished.size() > KEEP_FINISHED) {
                runs.remove(finished.removeFirst());
            }
        }
    }

    /** Stops every run and the threads behind them. */
    @Override
    public void close() {
        runs.values().forEach(r -> r.cancel("the lab is shutting down"));
        workers.shutdown();
        timer.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
