import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page loads while the lab is under pressure, on 127.0.0.1 only.
 *
 * <ul>
 *   <li>{@code sse URL PID RUNS PER_RUN}: page loads first with nothing open (the reference), then
 *       with RUNS runs of {@code bench-wait} watched by PER_RUN event streams each; prints
 *       {@code threads streams-open base-p50 base-p99 p50 p99 failed}, threads being the lab's
 *       own (/proc/PID/status) with every stream open.
 *   <li>{@code slow URL CONNS SECONDS}: page loads first with nothing going on, then for SECONDS
 *       while CONNS connections each send a request one header byte per second (slowloris),
 *       reopened as the lab closes them; prints {@code base-p50 base-p99 p50 p99 failed closed}.
 * </ul>
 *
 * A page load is connect, {@code GET /lessons/you-are-here}, read to the end; one that fails or
 * takes over 5 s counts as 5,000 ms and as failed.
 */
public class StreamsBench {
  private static final int PAGE_TIMEOUT_MS = 5000;
  private static String host;
  private static int port;

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[1]);
    host = url.getHost();
    port = url.getPort();
    if (args[0].equals("sse")) {
      sse(Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    } else {
      slow(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
  }

  private static void sse(long pid, int runs, int perRun) throws Exception {
    pageLoads(100); // warm-up
    double[] base = pageLoads(200);
    List<Socket> streams = new ArrayList<>();
    int refused = 0;
    try {
      for (int r = 0; r < runs; r++) {
        String events = startRun();
        for (int s = 0; s < perRun; s++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress(host, port), 5000);
          socket.setSoTimeout(10_000);
          send(socket, "GET " + events + " HTTP/1.1\r\nHost: " + host + ":" + port
              + "\r\nAccept: text/event-stream\r\n\r\n");
          String head = readHead(socket.getInputStream());
          if (head.startsWith("HTTP/1.1 200")) {
            streams.add(socket);
          } else {
            refused++;
            socket.close();
          }
        }
      }
      int threads = threads(pid);
      double[] loaded = pageLoads(200);
      System.out.printf("%d %d %.2f %.2f %.2f %.2f %d%n", threads, streams.size(),
          pct(base, 50), pct(base, 99), pct(loaded, 50), pct(loaded, 99),
          refused + failures(loaded));
    } finally {
      for (Socket socket : streams) {
        socket.close();
      }
    }
  }

  private static void slow(int conns, int seconds) throws Exception {
    pageLoads(100); // warm-up
    double[] base = pageLoads(200);
    Slowloris attack = new Slowloris(conns, seconds + 5);
    Thread attacker = new Thread(attack, "slowloris");
    attacker.setDaemon(true);
    attacker.start();
    while (attack.open() < conns && attacker.isAlive()) {
      Thread.sleep(20);
    }
    List<Double> times = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      times.add(pageLoad());
      Thread.sleep(20);
    }
    attack.stop();
    attacker.join(10_000);
    double[] loaded = times.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf("%.2f %.2f %.2f %.2f %d %d%n", pct(base, 50), pct(base, 99),
        pct(loaded, 50), pct(loaded, 99), failures(loaded), attack.closedByLab());
  }

  /** Keeps CONNS connections each trickling a header byte a second; reopens closed ones. */
  static final class Slowloris implements Runnable {
    private final Socket[] sockets;
    private final long endNanos;
    private volatile boolean stop;
    private volatile int open;
    private volatile int closedByLab;

    Slowloris(int conns, int maxSeconds) {
      this.sockets = new Socket[conns];
      this.endNanos = System.nanoTime() + maxSeconds * 1_000_000_000L;
    }

    int open() { return open; }
    int closedByLab() { return closedByLab; }
    void stop() { stop = true; }

    public void run() {
      try {
        while (!stop && System.nanoTime() < endNanos) {
          long roundStart = System.nanoTime();
          int alive = 0;
          for (int i = 0; i < sockets.length && !stop; i++) {
            try {
              if (sockets[i] == null) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 2000);
                send(socket, "GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-Slow: ");
                sockets[i] = socket;
              } else {
                OutputStream out = sockets[i].getOutputStream();
                out.write('a');
                out.flush();
                if (sockets[i].getInputStream().available() > 0) {
                  throw new IOException("answered");
                }
              }
              alive++;
            } catch (IOException e) {
              if (sockets[i] != null) {
                closedByLab++;
                try { sockets[i].close(); } catch (IOException ignored) { }
              }
              sockets[i] = null;
            }
          }
          open = alive;
          long left = 1000 - (System.nanoTime() - roundStart) / 1_000_000;
          if (left > 0) {
            Thread.sleep(left);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        for (Socket socket : sockets) {
          if (socket != null) {
            try { socket.close(); } catch (IOException ignored) { }
          }
        }
      }
    }
  }

  private static String startRun() throws IOException {
    String json = "{\"experiment\":\"bench-wait\",\"params\":{}}";
    try (Socket socket = new Socket(host, port)) {
      send(socket, "POST /api/runs HTTP/1.1\r\nHost: " + host + ":" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
          + "\r\nConnection: close\r\n\r\n" + json);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"events\":\"([^\"]+)\"").matcher(answer);
      if (!m.find()) {
        throw new IOException("no run started: " + answer);
      }
      return m.group(1);
    }
  }

  private static double[] pageLoads(int n) throws InterruptedException {
    double[] times = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = pageLoad();
    }
    return times;
  }

  /** One page load in ms; PAGE_TIMEOUT_MS if it failed. */
  private static double pageLoad() {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), PAGE_TIMEOUT_MS);
      socket.setSoTimeout(PAGE_TIMEOUT_MS);
      send(socket, "GET /lessons/you-are-here HTTP/1.1\r\nHost: " + host + ":" + port
          + "\r\nConnection: close\r\n\r\n");
      byte[] page = socket.getInputStream().readAllBytes();
      if (page.length < 1000 || !new String(page, 0, 12, StandardCharsets.US_ASCII).endsWith("200")) {
        return PAGE_TIMEOUT_MS;
      }
      return Math.min(PAGE_TIMEOUT_MS, (System.nanoTime() - start) / 1e6);
    } catch (IOException e) {
      return PAGE_TIMEOUT_MS;
    }
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static int threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring(8).trim());
      }
    }
    return -1;
  }

  private static int failures(double[] times) {
    return (int) Arrays.stream(times).filter(t -> t >= PAGE_TIMEOUT_MS).count();
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
