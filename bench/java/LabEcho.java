import dev.loopbacklab.net.EchoServer;

/**
 * Runs the lab's own {@link EchoServer} on 127.0.0.1 with a port the OS picks, prints the port,
 * and serves until its standard input closes (so it cannot outlive bench/run).
 */
public class LabEcho {
  public static void main(String[] args) throws Exception {
    try (EchoServer server = EchoServer.start("127.0.0.1", 0)) {
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // only end-of-input matters
      }
    }
  }
}
