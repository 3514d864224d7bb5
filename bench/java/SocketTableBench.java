import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The listening-socket table with owners, the lab's way ({@code SocketTable.listening()} plus one
 * {@code owners()} scan) against {@code ss -ltnp}, alternating REPS times.
 *
 * <p>Usage: {@code SocketTableBench REPS}. Prints "lab_first_ms lab_median_ms ss_median_ms rows".
 * ss is timed as a learner meets it: spawning the process, reading its output, waiting for exit.
 * The lab is timed as the web page and JShell meet it: a call in an already running JVM.
 */
public class SocketTableBench {
  public static void main(String[] args) throws Exception {
    int reps = Integer.parseInt(args[0]);
    double[] lab = new double[reps];
    double[] ss = new double[reps];
    int rows = 0;
    for (int r = 0; r < reps; r++) {
      long start = System.nanoTime();
      List<SocketTable.Entry> listening = SocketTable.listening();
      Map<Long, SocketOwner> owners = SocketTable.owners();
      List<String> table = new ArrayList<>();
      for (SocketTable.Entry entry : listening) {
        SocketOwner owner = owners.get(entry.inode());
        table.add(entry.localEndpoint() + " " + (owner == null ? "?" : owner.toString()));
      }
      lab[r] = (System.nanoTime() - start) / 1e6;
      rows = table.size();

      start = System.nanoTime();
      Process process = new ProcessBuilder("ss", "-ltnp").redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        out.readAllBytes();
      }
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ss -ltnp took over 5 s");
      }
      ss[r] = (System.nanoTime() - start) / 1e6;
    }
    double first = lab[0];
    Arrays.sort(lab);
    Arrays.sort(ss);
    System.out.printf("%.3f %.3f %.3f %d%n", first, lab[reps / 2], ss[reps / 2], rows);
  }
}
