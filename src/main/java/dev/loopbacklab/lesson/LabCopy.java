package dev.loopbacklab.lesson;

import java.util.ServiceLoader;

/**
 * A fresh copy of this lab, serving on 127.0.0.1 and a port the OS picks: what an experiment about
 * the lab's own defences attacks. The web layer provides it (a {@link Starter} listed in {@code
 * META-INF/services}), so experiments never depend on the web layer.
 */
public interface LabCopy extends AutoCloseable {
    /** The port it listens on. */
    int port();

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:41234/}. */
    String url();

    /** How many runs are going in it now. */
    int activeRuns();

    /** Stops its runs and its server. */
    @Override
    void close();

    /** Starts copies of the lab; the web layer registers one in {@code META-INF/services}. */
    interface Starter {
        /** Starts a copy on 127.0.0.1 and a port the OS picks, running {@code registry}. */
        LabCopy start(ExperimentRegistry registry);
    }

    /**
     * Starts a copy serving {@code registry}'s experiments and the lessons the lab serves.
     *
     * @throws IllegalStateException if no web layer is on the class path
     */
    static LabCopy start(ExperimentRegistry registry) {
        return ServiceLoader.load(Starter.class)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no web layer on the class path to start a copy of the"
                                                + " lab"))
                .start(registry);
    }
}
