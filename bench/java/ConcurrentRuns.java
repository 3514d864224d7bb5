import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RUNS live runs started at the same moment through the HTTP API, as RUNS browser tabs pressing
 * Run together would: each client POSTs /api/runs, then reads GET /api/runs/ID/events as
 * Server-Sent Events until "done".
 *
 * <p>The lab runs at most 8 experiments at once and answers 429 to the rest. A client that gets
 * 429 waits 10-50 ms and asks again (as the page's own Run button lets a learner do); a 429 is an
 * error only if the client is still refused at the deadline. Also errors: any other status, a
 * stream that ends without "done", or a run whose outcome is not "completed".
 *
 * <p>Event latency: for each event, the time from sending the accepted POST to the event's arrival
 * on the stream, i.e. "pressed Run" to "see it", after the lab took the run.
 *
 * <p>Usage: {@code ConcurrentRuns BASE_URL EXPERIMENT RUNS DEADLINE_S}. Prints "errors retries
 * p50_ms p99_ms done_p99_ms wall_s run_p50_ms delivery_p50_ms delivery_p99_ms"; exits 3 if the lab has no such experiment.
 */
public class ConcurrentRuns {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  private final String base;
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
    this.base = base;
    this.experiment = experiment;
    this.deadline = deadline;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    int runs = Integer.parseInt(args[2]);
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
    // Warm-up, one run at a time and not counted; the first also tells whether the experiment exists.
    ConcurrentRuns warmup = new ConcurrentRuns(base, args[1], deadline);
    for (int i = 0; i < 10; i++) {
      if (!warmup.oneRun()) {
        System.err.println(String.join("; ", warmup.errors));
        System.exit(warmup.errors.stream().anyMatch(e -> e.startsWith("404")) ? 3 : 1);
      }
    }
    // One whole concurrent wave untimed: both JVMs (this client's too) compile their hot paths.
    round(new ConcurrentRuns(base, args[1], deadline), runs, deadline);
    ConcurrentRuns bench = new ConcurrentRuns(base, args[1], deadline);
    long start = System.nanoTime();
    round(bench, runs, deadline);
    double wall = (System.nanoTime() - start) / 1e9;
    bench.errors.stream().distinct().limit(5).forEach(e -> System.err.println("error: " + e));
    System.out.printf("%d %d %.2f %.2f %.2f %.2f %.0f %.2f %.2f%n", bench.errors.size(),
        bench.retries.get(), percentile(bench.eventMs, 0.50), percentile(bench.eventMs, 0.99),
        percentile(bench.doneMs, 0.99), wall, percentile(bench.runMs, 0.50),
        percentile(bench.deliveryMs, 0.50), percentile(bench.deliveryMs, 0.99));
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
      HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/runs"))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"experiment\":\"" + experiment + "\"}"))
          .build();
      long sent;
      HttpResponse<String> created;
      while (true) {
        sent = System.nanoTime();
        created = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 429 || System.nanoTime() > deadline) {
          break;
        }
        retries.incrementAndGet();
        Thread.sleep(ThreadLocalRandom.current().nextInt(10, 51));
      }
      if (created.statusCode() != 201) {
        errors.add(created.statusCode() + " " + created.body());
        return false;
      }
      String id = created.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
      HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/events"))
          .timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream").build();
      HttpResponse<java.util.stream.Stream<String>> stream =
          HTTP.send(get, HttpResponse.BodyHandlers.ofLines());
      // events recorded before the stream was open are replayed: their wait starts here
      java.time.Instant opened = java.time.Instant.now();
      long openedMicros = opened.getEpochSecond() * 1_000_000 + opened.getNano() / 1_000;
      try (java.util.stream.Stream<String> lines = stream.body()) {
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
          String line = it.next();
          if (!line.startsWith("event:")) {
            continue;
          }
          double ms = (System.nanoTime() - sent) / 1e6;
          eventMs.add(ms);
          String data = it.hasNext() ? it.next() : "";
          java.time.Instant now = java.time.Instant.now();
          long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
          if (data.matches(".*\"at\":\\d+.*")) {
            long at = Long.parseLong(data.replaceAll(".*\"at\":(\\d+).*", "$1"));
            deliveryMs.add((nowMicros - Math.max(at, openedMicros)) / 1000.0);
          }
          if (line.equals("event: done")) {
            doneMs.add(ms);
            runMs.add(Double.parseDouble(data.replaceAll(".*\"millis\":(\\d+).*", "$1")));
            if (!data.contains("\"outcome\":\"completed\"")) {
              errors.add("run ended: " + data);
              return false;
            }
            return true;
          }
          if (line.equals("event: failure") || line.equals("event: error")) {
            errors.add("run reported " + line + ": " + data);
            return false;
          }
        }
      }
      errors.add("the stream ended without a done event");
      return false;
    } catch (IOException | InterruptedException e) {
      errors.add(e.toString());
      return false;
    }
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
