import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab for the stream and slow-connection benchmarks: the real {@link LabServer}, its limits
 * raised so that 100 runs with 100 event streams each fit (10,000 streams; connections 12,000), the
 * minimum request rate and idle timeout as shipped, and one bench-only experiment, {@code
 * bench-wait}, which waits until it is cancelled (or 300 s). Prints its address and process id,
 * and stops when its standard input closes.
 */
public class StreamsLab {
  public static void main(String[] args) throws Exception {
    List<Experiment> all = new ArrayList<>(Experiments.registry().all());
    all.add(new BenchWait());
    LabConfig.Limits shipped = LabConfig.Limits.defaults();
    LabConfig.Limits limits =
        new LabConfig.Limits(
                100,
                Duration.ofSeconds(300),
                100_000,
                Duration.ofSeconds(10),
                shipped.idleTimeout())
            .withStreams(100, 10_000)
            .withConnections(12_000, shipped.minRequestRate());
    LabConfig config = LabConfig.local(0, ContentRoot.packed()).withLimits(limits);
    try (LabServer lab = LabServer.start(config, new ExperimentRegistry(all), "bench")) {
      System.out.println("Streams lab " + ProcessHandle.current().pid() + " is running at " + lab.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // only end-of-input matters
      }
    }
  }

  static final class BenchWait implements Experiment {
    public ExperimentInfo info() {
      return new ExperimentInfo("bench-wait", "Waiting (benchmark)", "Waits until stopped.");
    }

    public void run(Params params, Report report) throws Exception {
      report.say("waiting");
      for (int i = 0; i < 6000 && !report.cancelled(); i++) {
        Thread.sleep(50);
      }
    }
  }
}
