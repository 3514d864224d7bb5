import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time from starting a JVM to its first HTTP 200, for the lab and for a bare Javalin hello-world,
 * alternating between the two ROUNDS times. Each child prints "... http://127.0.0.1:PORT/"; the
 * clock runs from process start until a GET / to that address answers 200.
 *
 * <p>Usage: {@code Startup ROUNDS LAB_JAR HELLO_CLASSES WORKDIR}. Prints "lab_ms hello_ms" (medians).
 * Children run in WORKDIR (not the repository, so the lab reads its lessons from the jar, as a
 * learner's copy does) and are killed after each round.
 */
public class Startup {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String jar = Path.of(args[1]).toAbsolutePath().toString();
    String classes = Path.of(args[2]).toAbsolutePath().toString();
    Path workdir = Path.of(args[3]).toAbsolutePath();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> lab = List.of(java, "-jar", jar, "serve", "--port", "0");
    List<String> hello = List.of(java, "-cp", jar + ":" + classes, "Hello");
    List<Double> labMs = new ArrayList<>();
    List<Double> helloMs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      labMs.add(time(lab, workdir));
      helloMs.add(time(hello, workdir));
    }
    System.out.printf("%.1f %.1f%n", median(labMs), median(helloMs));
  }

  private static double time(List<String> command, Path workdir) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(workdir.toFile())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = start + Duration.ofSeconds(20).toNanos();
      String port = BenchHttp.announcedPort(out);
      if (port == null) {
        throw new IllegalStateException(command + " exited without printing its address");
      }
      HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .timeout(Duration.ofSeconds(5)).build();
      while (System.nanoTime() < deadline) {
        if (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1e6;
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException(command + " gave no HTTP 200 within 20 s");
    } finally {
      process.destroy();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
