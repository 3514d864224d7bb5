package dev.loopbacklab.lesson;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one experiment or check on the calling thread and turns whatever happens into events and an
 * {@link Outcome}: an exception becomes a {@link Event.Failure} with a plain message, a stop
 * becomes {@link Outcome#CANCELLED}, and a check that forgets its verdict is a failure of the
 * check.
 */
public final class Runner {
    private Runner() {}

    /** Runs {@code experiment} with {@code params}, reporting to {@code report}. */
    public static Outcome run(Experiment experiment, Params params, Report report) {
        AtomicReference<Event.Verdict> verdict = new AtomicReference<>();
        Report watching =
                new Report() {
                    @Override
                    public void emit(Event event) {
                        if (event instanceof Event.Verdict v) {
                            verdict.compareAndSet(null, v);
                        }
                        report.emit(event);
                    }

                    @Override
                    public boolean cancelled() {
                        return report.cancelled();
                    }

                    @Override
                    public void closeOnCancel(AutoCloseable resource) {
                        report.closeOnCancel(resource);
                    }

                    @Override
                    public dev.loopbacklab.net.Deadline deadline() {
                        return report.deadline();
                    }

                    @Override
                    public <T> java.util.Optional<T> capability(Class<T> type) {
                        return report.capability(type);
                    }
                };
        try {
            experiment.run(params, watching);
        } catch (Report.CancelledException | InterruptedException e) {
            return Outcome.CANCELLED;
        } catch (Exception | LinkageError | AssertionError e) {
            if (report.cancelled()) {
                return Outcome.CANCELLED;
            }
            report.emit(new Event.Failure(describe(e)));
            return Outcome.FAILED;
        } catch (OutOfMemoryError e) {
            // This run's memory is gone, not the lab's: once the run's objects are unreachable the
            // heap is back, so the page says why, and other runs carry on.
            report.emit(
                    new Event.Failure(
                            "the lab ran out of memory during this run ("
                                    + describe(e)
                                    + "). Other runs are not affected. Give the JVM more heap"
                                    + " (-Xmx) or allow fewer runs at once (serve --max-runs)."));
            return Outcome.FAILED;
        }
        if (report.cancelled()) {
            return Outcome.CANCELLED;
        }
        if (!experiment.isCheck()) {
            return Outcome.COMPLETED;
        }
        if (verdict.get() == null) {
            report.emit(
                    new Event.Failure("the check " + experiment.id() + " ended without a verdict"));
            return Outcome.FAILED;
        }
        return verdict.get().passed() ? Outcome.PASSED : Outcome.NOT_PASSED;
    }

    /** An exception as a learner reads it: its simple class name and message, no stack trace. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
