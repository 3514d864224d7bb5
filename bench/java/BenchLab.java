import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EchoClient;
import dev.loopbacklab.net.EchoServer;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab server for the concurrent-runs benchmark while the product has no short experiment yet:
 * the real {@link LabServer} with its default limits (8 runs at once, 30 s each) and every product
 * experiment, plus one bench-only experiment, {@code bench-hello} (an echo server, one round trip,
 * three events: the shape of the lesson's {@code echo-hello}). Prints its address like {@code serve}
 * and stops when its standard input closes.
 */
public class BenchLab {
  public static void main(String[] args) throws Exception {
    List<Experiment> all = new ArrayList<>(Experiments.registry().all());
    all.add(new BenchHello());
    LabConfig config = LabConfig.local(0, ContentRoot.packed());
    try (LabServer lab = LabServer.start(config, new ExperimentRegistry(all), "bench")) {
      System.out.println("Bench lab is running at " + lab.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // only end-of-input matters
      }
    }
  }

  static final class BenchHello implements Experiment {
    private static final ExperimentInfo INFO =
        new ExperimentInfo(
            "bench-hello",
            "Hello over loopback (benchmark)",
            "Starts an echo server, sends hello once, and stops it.");

    public ExperimentInfo info() {
      return INFO;
    }

    public void run(Params params, Report report) throws Exception {
      try (EchoServer server = EchoServer.start();
          EchoClient client = EchoClient.connect(server.address(), server.port(), Duration.ofSeconds(2))) {
        report.closeOnCancel(server);
        report.say("An echo server is listening on " + server.localAddress() + ".");
        long start = System.nanoTime();
        String reply = client.roundTrip("hello");
        report.fact("reply", reply);
        report.fact("round trip", (System.nanoTime() - start) / 1000, "µs", "one message");
      }
    }
  }
}
