package dev.loopbacklab.cli;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;

/**
 * Opens the jar's packed lessons and builds the experiment registry on a second thread while
 * picocli builds its command model, so {@code serve} finds both ready. Opening the jar as a file
 * system took ~170 ms and picocli ~250 ms, one after the other, before Jetty could start
 * (bench/README.md). Nothing is decided here: {@link ServeCommand} still locates the content and
 * reports any failure itself; this only warms JVM-wide state (the open jar file system, class
 * initialisation) that the same calls there reuse.
 */
final class ServePrefetch {
  private ServePrefetch() {}

  /** Starts the prefetch when {@code args} will serve (no command, or {@code serve}). */
  static void startFor(String[] args) {
    if (args.length > 0 && !args[0].equals("serve")) {
      return;
    }
    Thread prefetch = new Thread(ServePrefetch::run, "lab-prefetch");
    prefetch.setDaemon(true);
    prefetch.start();
  }

  private static void run() {
    try {
      ContentRoot.packed();
      Experiments.registry();
    } catch (RuntimeException | LinkageError ignored) {
      // ServeCommand makes the same calls and reports what goes wrong there.
    }
  }
}
