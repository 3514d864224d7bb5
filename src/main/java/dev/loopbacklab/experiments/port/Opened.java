package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.Report;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The sockets one run has opened, closed together in reverse order when the run ends, fails or is
 * cancelled. Failures to close are ignored: a socket that cannot be closed is already gone.
 */
final class Opened implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Report report;

    Opened(Report report) {
        this.report = report;
    }

    /** Remembers {@code resource} for closing, also when the run is cancelled, and returns it. */
    <T extends AutoCloseable> T keep(T resource) {
        resources.push(resource);
        report.closeOnCancel(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // Nothing to do: the goal is that nothing stays open, and a failed close leaves
                // nothing.
            }
        }
    }
}
