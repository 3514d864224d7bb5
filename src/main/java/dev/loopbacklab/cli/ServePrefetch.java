package dev.loopbacklab.cli;

import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.web.tuning.JettyTuning;

/**
 * Warms, on other threads, what {@code serve} is about to need while picocli builds its command
 * model on the main thread: the jar's packed lessons on one, Javalin's and Jetty's classes on
 * another. (The experiments are made on first use since session 5: the first page needs none.)
 * Opening the jar as a file system took ~170 ms, picocli ~250 ms and loading Javalin and Jetty ~350
 * ms, one after the other, before the site could answer (bench/README.md). Nothing is decided here:
 * {@link ServeCommand} still locates the content, reports any failure and starts the server itself;
 * this only warms JVM-wide state (the open jar file system, loaded and initialised classes) that
 * the same calls there reuse.
 */
final class ServePrefetch {
    private ServePrefetch() {}

    /** Starts the prefetch when {@code args} will serve (no command, or {@code serve}). */
    static void startFor(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            return;
        }
        start("lab-prefetch-content", ContentRoot::packed);
        start("lab-prefetch-server", JettyTuning::warmClasses);
    }

    private static void start(String name, Runnable work) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                work.run();
                            } catch (RuntimeException | LinkageError ignored) {
                                // ServeCommand makes the same calls and reports what goes wrong
                                // there.
                            }
                        },
                        name);
        thread.setDaemon(true);
        thread.start();
    }
}
