package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import java.io.IOException;

/**
 * The loop every sweep shares: ask the OS for a port {@code count} times, report progress about
 * every 1%, and time only the asking (time spent reporting progress is left out).
 */
final class Sweep {
    private Sweep() {}

    /** One request for a port; returns the port the OS picked and closes what it opened. */
    @FunctionalInterface
    interface Draw {
        int next() throws IOException;
    }

    /**
     * The ports drawn, in order, and the work time.
     *
     * @param ports every port, in the order the OS handed them out
     * @param nanos time spent in {@link Draw#next()}, progress reports excluded
     */
    record Result(int[] ports, long nanos) {}

    /** Draws {@code count} ports, checking for Stop at every progress step. */
    static Result run(int count, Report report, String label, Draw draw) throws IOException {
        int[] ports = new int[count];
        int step = Math.max(1, count / 100);
        long work = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ports[i] = draw.next();
            if ((i + 1) % step == 0 || i + 1 == count) {
                work += System.nanoTime() - start;
                report.checkCancelled();
                report.progress(i + 1, count, label);
                start = System.nanoTime();
            }
        }
        return new Result(ports, work);
    }
}
