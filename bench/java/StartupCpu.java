import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a start costs in work rather than in time, which load on a shared machine distorts less:
 * the CPU (user + sys, from {@code /proc/<pid>/stat}) the process used from its start to the
 * first HTTP 200 of {@code GET /}, and the classes it had loaded by then ({@code
 * -Xlog:class+load}). Alternates between the jars given, ROUNDS times, each run in WORKDIR (so
 * the lab reads its lessons from the jar, as for a learner) and killed after its first 200.
 *
 * <p>Usage: {@code StartupCpu ROUNDS WORKDIR JAR...}. Prints one line per jar: median CPU ms,
 * median classes, and every round's CPU ms. {@code -Dhello=DIR} adds the bare Javalin hello-world
 * ({@code bench/java/Hello.java} compiled into DIR) on the first jar's class path as the reference;
 * {@code -Dkeep=DIR} keeps each run's class list there. Linux only ({@code /proc}).
 */
public class StartupCpu {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path workdir = Path.of(args[1]).toAbsolutePath();
    List<String> jars = new ArrayList<>(List.of(args).subList(2, args.length));
    if (System.getProperty("hello") != null) {
      jars.add("hello");
    }
    List<List<Double>> cpu = new ArrayList<>();
    List<List<Double>> classes = new ArrayList<>();
    for (int j = 0; j < jars.size(); j++) {
      cpu.add(new ArrayList<>());
      classes.add(new ArrayList<>());
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < rounds; i++) {
      for (int j = 0; j < jars.size(); j++) {
        List<String> command =
            jars.get(j).equals("hello")
                ? List.of(
                    "-cp",
                    Path.of(jars.get(0)).toAbsolutePath()
                        + ":"
                        + Path.of(System.getProperty("hello")).toAbsolutePath(),
                    "Hello")
                : List.of(
                    "-jar", Path.of(jars.get(j)).toAbsolutePath().toString(), "serve", "--port", "0");
        double[] run = run(java, command, workdir, j + "-" + i);
        cpu.get(j).add(run[0]);
        classes.get(j).add(run[1]);
      }
    }
    for (int j = 0; j < jars.size(); j++) {
      System.out.printf(
          "%s cpu_ms %.0f classes %.0f rounds %s%n",
          jars.get(j), median(cpu.get(j)), median(classes.get(j)), cpu.get(j));
    }
  }

  private static double[] run(String java, List<String> args, Path workdir, String name)
      throws Exception {
    Path log = Files.createTempFile("startup-cpu-", ".log");
    List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load:file=" + log));
    command.addAll(args);
    String jar = String.join(" ", args);
    Process process =
        new ProcessBuilder(command)
            .directory(workdir.toFile())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String port = BenchHttp.announcedPort(out);
      if (port == null) {
        throw new IllegalStateException(jar + " exited without printing its address");
      }
      HttpRequest get =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(20))
              .build();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(jar + " gave no HTTP 200 within 60 s");
        }
        Thread.sleep(5);
      }
      if (System.getProperty("threads") != null) {
        threads(process.pid());
      }
      String[] stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).split(" ");
      // fields 14 and 15 (utime, stime) counted from 1; the command name has no spaces here
      double cpuMs = (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * TICK_MS;
      List<String> loaded = Files.readAllLines(log);
      if (System.getProperty("keep") != null) {
        Files.write(Path.of(System.getProperty("keep"), name + ".classes"), loaded);
      }
      double classes = loaded.size();
      return new double[] {cpuMs, classes};
    } finally {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      Files.deleteIfExists(log);
    }
  }

  /** Prints the CPU ms of each thread (by name; pool threads summed) so far. */
  private static void threads(long pid) throws Exception {
    java.util.Map<String, Double> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
        byName.merge(name.replaceAll("[-#]?\\d+$", "*"), ms, Double::sum);
      }
    }
    StringBuilder line = new StringBuilder("  threads:");
    byName.forEach((k, v) -> { if (v > 0) line.append(" ").append(k).append("=").append(Math.round(v)); });
    System.out.println(line);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
