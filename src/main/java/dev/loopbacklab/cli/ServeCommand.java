package dev.loopbacklab.cli;

import dev.loopbacklab.LabVersion;
import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the lessons in a browser, on 127.0.0.1:62893 unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the lessons in your browser (the default command).")
public final class ServeCommand implements Callable<Integer> {
  /** Returned by {@link #call} when the server is up and {@code main} must not exit. */
  static final int KEEP_RUNNING = -1;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on: a loopback address (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
      description = "Port to listen on, 0 for any free port (default 62893; if that is busy, a free "
          + "port the OS picks).")
  Integer port;

  @Option(names = "--dev", description = "Read lessons/ and site/ from the working directory, so "
      + "edits show on reload.")
  boolean dev;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The port used when {@code --port} is not given; tests point it at a port they hold. */
  int defaultPort = LabConfig.DEFAULT_PORT;

  /** Whether {@link #call} waits for the server to be stopped; tests turn it off. */
  boolean block = true;

  /** The server started by the last {@link #call}, for tests. */
  LabServer server;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    try {
      LoopbackTarget.parse(host);
    } catch (IllegalArgumentException e) {
      err.println("--host " + e.getMessage());
      err.println("Serving a room on a non-loopback address is not available yet; the lab only "
          + "listens on loopback.");
      return 2;
    }
    String bindHost = LoopbackTarget.parse(host).address().getHostAddress();
    ContentRoot content;
    try {
      content = ContentRoot.locate(dev);
      Experiments.registry();
    } catch (LessonFormatException e) {
      err.println("Cannot load the lessons: " + e.getMessage());
      return 1;
    }
    LabConfig config = new LabConfig(bindHost, port == null ? defaultPort : port, content,
        java.util.Set.of(), null, 8, java.time.Duration.ofSeconds(30));
    try {
      server = LabServer.start(config, Experiments.registry(), LabVersion.get());
    } catch (LessonFormatException e) {
      err.println("Cannot load the lessons: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      if (!isBindFailure(e)) {
        throw e;
      }
      if (port != null) {
        err.printf("Port %d on %s is already in use by another program. Choose another with "
            + "--port, or --port 0 to let the OS pick a free one.%n", port, bindHost);
        return 2;
      }
      out.printf("Port %d is busy: another program is already listening on %s:%d. Using a free "
          + "port picked by the OS instead.%n", defaultPort, bindHost, defaultPort);
      server = LabServer.start(config.withPort(0), Experiments.registry(), LabVersion.get());
    }
    out.println("Loopback Lab is running at " + server.url());
    out.println("Press Ctrl+C to stop." + (content.fromDisk() ? " Reading lessons/ and site/ from "
        + "disk: edits show on reload." : ""));
    out.flush();
    if (!block) {
      return 0;
    }
    LabServer running = server;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "lab-shutdown"));
    stopped.await();
    return 0;
  }

  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
        return true;
      }
    }
    return false;
  }
}
