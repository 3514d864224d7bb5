import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RUNS live runs started at the same moment through the HTTP API, as RUNS browser tabs pressing
 * Run together would: each client POSTs /api/runs, then reads GET /api/runs/ID/events as
 * Server-Sent Events until "done". The client is plain blocking sockets, one thread per run: the
 * JDK's HttpClient hands each event through its selector thread and an executor, which on two
 * shared cores added its own waits to what was measured.
 *
 * <p>Run the lab with {@code --max-runs RUNS --run-starts 10000}: its defaults (8 at once, 30
 * starts per client per 10 s) would measure the limiter. A client that gets 429 waits 10-50 ms and
 * asks again; a 429 is an error only if the client is still refused at the deadline. Also errors:
 * any other status, a stream that ends without "done", or a run whose outcome is not "completed".
 *
 * <p>Waves: 10 single runs (the first tells whether the experiment exists), one "cold" wave
 * reported apart, WARM untimed waves (default {@value #WARM_WAVES}), then TIMED timed waves
 * (default {@value #TIMED_WAVES}) whose events are pooled for the percentiles.
 *
 * <p>Event latency (delivery): the lab recorded the event (its "at", µs since 1970), or this
 * client's stream opened if later (a replayed event) → this client read it. Beside it, "pressed
 * Run → see it": from sending the accepted POST to the event's arrival.
 *
 * <p>Usage: {@code ConcurrentRuns BASE_URL EXPERIMENT RUNS DEADLINE_S [WARM TIMED]}. Prints "errors retries
 * p50_ms p99_ms done_p99_ms wall_s_per_wave run_p50_ms delivery_p50_ms delivery_p99_ms
 * cold_delivery_p99_ms"; exits 3 if the lab has no such experiment.
 */
public class ConcurrentRuns {
  static final int WARM_WAVES = 20;
  static final int TIMED_WAVES = 5;
  private static int warmWaves = WARM_WAVES;
  private static int timedWaves = TIMED_WAVES;
  private final String host;
  private final int port;
  private final String experiment;
  private final long deadline;
  private final ConcurrentLinkedQueue<Double> eventMs = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Double> doneMs = new ConcurrentLinkedQueue<>();
  /**
   * Delivery latency: the lab recorded the event (its "at", µs since 1970), or this client's stream
   * opened if later (a replayed event) → this client read it.
   */
  private final ConcurrentLinkedQueue<Double> deliveryMs = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Double> runMs = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicInteger retries = new AtomicInteger();

  ConcurrentRuns(String base, String experiment, long deadline) {
    URI uri = URI.create(base);
    if (!uri.getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("the lab must be on 127.0.0.1: " + base);
    }
    this.host = uri.getHost() + ":" + uri.getPort();
    this.port = uri.getPort();
    this.experiment = experiment;
    this.deadline = deadline;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    int runs = Integer.parseInt(args[2]);
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
    if (args.length >= 6) {
      warmWaves = Integer.parseInt(args[4]);
      timedWaves = Integer.parseInt(args[5]);
    }
    // Warm-up, one run at a time and not counted; the first also tells whether the experiment exists.
    ConcurrentRuns warmup = new ConcurrentRuns(base, args[1], deadline);
    for (int i = 0; i < 10; i++) {
      if (!warmup.oneRun()) {
        System.err.println(String.join("; ", warmup.errors));
        System.exit(warmup.errors.stream().anyMatch(e -> e.startsWith("404")) ? 3 : 1);
      }
    }
    // The first concurrent wave, reported apart as "cold": the lab has not compiled its paths yet.
    ConcurrentRuns cold = new ConcurrentRuns(base, args[1], deadline);
    round(cold, runs, deadline);
    // Then untimed waves while the lab's JIT compiles its hot paths (on 2 cores its p99 kept
    // falling for 10-20 waves, from ~200 ms to 10-40 ms), and the timed waves, pooled.
    for (int i = 0; i < warmWaves; i++) {
      round(new ConcurrentRuns(base, args[1], deadline), runs, deadline);
    }
    ConcurrentRuns bench = new ConcurrentRuns(base, args[1], deadline);
    long start = System.nanoTime();
    for (int i = 0; i < timedWaves; i++) {
      round(bench, runs, deadline);
    }
    double wall = (System.nanoTime() - start) / 1e9 / timedWaves;
    bench.errors.addAll(cold.errors);
    bench.errors.stream().distinct().limit(5).forEach(e -> System.err.println("error: " + e));
    System.out.printf("%d %d %.2f %.2f %.2f %.2f %.0f %.2f %.2f %.2f%n", bench.errors.size(),
        bench.retries.get() + cold.retries.get(), percentile(bench.eventMs, 0.50),
        percentile(bench.eventMs, 0.99), percentile(bench.doneMs, 0.99), wall,
        percentile(bench.runMs, 0.50), percentile(bench.deliveryMs, 0.50),
        percentile(bench.deliveryMs, 0.99), percentile(cold.deliveryMs, 0.99));
  }

  /** Starts {@code runs} clients at the same moment and waits for them, at most until the deadline. */
  static void round(ConcurrentRuns bench, int runs, long deadline) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Thread client = new Thread(() -> {
        try {
          go.await();
          bench.oneRun();
        } catch (InterruptedException e) {
          bench.errors.add("interrupted");
        }
      });
      client.start();
      clients.add(client);
    }
    go.countDown();
    for (Thread client : clients) {
      client.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 5_000));
      if (client.isAlive()) {
        bench.errors.add("a client was still running at the deadline");
        client.interrupt();
      }
    }
  }

  /** One run from POST to "done"; false (and an entry in errors) if anything went wrong. */
  boolean oneRun() {
    try {
      String post = "{\"experiment\":\"" + experiment + "\"}";
      long sent;
      BenchHttp.Response created;
      while (true) {
        sent = System.nanoTime();
        created = exchange("POST /api/runs HTTP/1.1\r\nHost: " + host + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + post.length()
            + "\r\nConnection: close\r\n\r\n" + post);
        if (created.status() != 429 || System.nanoTime() > deadline) {
          break;
        }
        retries.incrementAndGet();
        Thread.sleep(ThreadLocalRandom.current().nextInt(10, 51));
      }
      if (created.status() != 201) {
        errors.add(created.status() + " " + created.body());
        return false;
      }
      String id = created.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
      try (Socket socket = connect()) {
        socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: " + host
            + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = in.readLine();
        if (status == null || !status.startsWith("HTTP/1.1 200")) {
          errors.add("events: " + status);
          return false;
        }
        for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
          if (header.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:")) {
            errors.add("events: a chunked stream (this driver reads plain ones): " + header);
            return false;
          }
        }
        // events recorded before the stream was open are replayed: their wait starts here
        long openedMicros = epochMicros();
        String event = null;
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("event: ")) {
            event = line.substring(7);
            eventMs.add((System.nanoTime() - sent) / 1e6);
            continue;
          }
          if (!line.startsWith("data: ") || event == null) {
            continue;
          }
          long nowMicros = epochMicros();
          long at = number(line, "\"at\":");
          if (at > 0) {
            deliveryMs.add((nowMicros - Math.max(at, openedMicros)) / 1000.0);
          }
          if (event.equals("done")) {
            doneMs.add((System.nanoTime() - sent) / 1e6);
            runMs.add((double) number(line, "\"millis\":"));
            if (!line.contains("\"outcome\":\"completed\"")) {
              errors.add("run ended: " + line);
              return false;
            }
            return true;
          }
          if (event.equals("failure") || event.equals("error")) {
            errors.add("run reported " + event + ": " + line);
            return false;
          }
          event = null;
        }
      }
      errors.add("the stream ended without a done event");
      return false;
    } catch (IOException | InterruptedException e) {
      errors.add(e.toString());
      return false;
    }
  }

  private Socket connect() throws IOException {
    return BenchHttp.connect(port, 2000, 30_000);
  }

  /** Sends one request on its own connection and reads the whole response (Connection: close). */
  private BenchHttp.Response exchange(String request) throws IOException {
    return BenchHttp.exchange(port, request, 2000, 30_000);
  }

  /** The number after {@code key} in {@code text}, or -1. */
  private static long number(String text, String key) {
    int at = text.indexOf(key);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    for (int i = at + key.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** Now, in microseconds since 1970: the clock the lab's "at" uses. */
  private static long epochMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private static double percentile(java.util.Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
  }
}
