import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * The ephemeral-port sweep's work, timed without JVM start-up: bind a listening socket to
 * 127.0.0.1:0 (the OS picks the port), read the port back, close it; COUNT times per repetition.
 *
 * <p>Usage: {@code SweepBench COUNT REPS}. Prints "first_s median_s distinct_ports": the first
 * repetition is the cold one a learner's single run sees; the median is over all repetitions.
 */
public class SweepBench {
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    int reps = Integer.parseInt(args[1]);
    InetSocketAddress any = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    double[] seconds = new double[reps];
    int distinct = 0;
    for (int r = 0; r < reps; r++) {
      boolean[] seen = new boolean[65536];
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(any);
          seen[socket.getLocalPort()] = true;
        }
      }
      seconds[r] = (System.nanoTime() - start) / 1e9;
      if (r == 0) {
        for (boolean s : seen) {
          distinct += s ? 1 : 0;
        }
      }
    }
    double first = seconds[0];
    Arrays.sort(seconds);
    System.out.printf("%.4f %.4f %d%n", first, seconds[reps / 2], distinct);
  }
}
