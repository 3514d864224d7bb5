package dev.loopbacklab.lesson;

import dev.loopbacklab.net.Deadline;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an experiment sends what it finds. Implementations render events to a page, a terminal or
 * JSON. Long loops call {@link #checkCancelled()} so that Stop, a time limit or a closed browser
 * tab ends them promptly.
 */
public interface Report {

    /** Sends one event to whoever is watching. */
    void emit(Event event);

    /** True once the run has been stopped (by the learner, a time limit or a lost connection). */
    boolean cancelled();

    /**
     * Registers something to close if the run is cancelled, so that a blocked {@code accept} or
     * {@code read} returns at once. The experiment still closes it itself with try-with-resources.
     */
    default void closeOnCancel(AutoCloseable resource) {}

    /**
     * When this run must be over. Every blocking call of an experiment (connect, read, accept,
     * waiting for a process, a JDBC call) waits at most until then, usually through {@link
     * Deadline#within} with the step's own limit, so that a slow or silent server ends in a verdict
     * before the front end's time limit has to stop the run. {@link Deadline#none()} where nothing
     * limits the whole run (the command line, JShell): each step still bounds itself.
     */
    default Deadline deadline() {
        return Deadline.none();
    }

    /**
     * A capability of the front end that runs this experiment, such as the workshop room this lab
     * joined ({@link RoomLink}); empty where the front end has none (the command line, JShell).
     */
    default <T> Optional<T> capability(Class<T> type) {
        return Optional.empty();
    }

    /** Throws {@link CancelledException} if the run has been stopped. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    default void say(String text) {
        emit(new Event.Narration(text));
    }

    default void fact(String label, Object value, String unit, String note) {
        emit(new Event.Fact(label, String.valueOf(value), unit, note));
    }

    default void fact(String label, Object value) {
        fact(label, value, "", "");
    }

    default void table(String caption, List<String> headers, List<List<String>> rows) {
        emit(new Event.Table(caption, headers, rows));
    }

    default void progress(long done, long total, String label) {
        emit(new Event.Progress(done, total, label));
    }

    default void warn(String text) {
        emit(new Event.Warning(text));
    }

    default void verdict(boolean passed, String summary, String... details) {
        emit(new Event.Verdict(passed, summary, Arrays.asList(details)));
    }

    /** Thrown by {@link #checkCancelled()}; the engine treats it as a clean stop, not a failure. */
    final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("the run was stopped", null, false, false);
        }
    }
}
