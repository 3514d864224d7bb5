import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LessonExperiments;
import dev.loopbacklab.lesson.ParamSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pressed Run → the run's first event, for every experiment and check of the lab, as a browser
 * does it: {@code POST /api/runs}, then {@code GET /api/runs/ID/events} (Server-Sent Events); the
 * clock runs from writing the POST to reading the stream's first {@code event:} line. A check that
 * waits for the learner counts its first event too (its "listening" announcement).
 *
 * <p>Cold: a fresh lab per experiment ({@code java -jar LAB_JAR serve --port 0}, in WORKDIR so the
 * lessons come from the jar), its index and the experiment's lesson page fetched as a browser
 * opening them would, then Run pressed at once: the first run after start, with no head start from
 * a learner reading the page. Warm: WARM more runs of the same experiment in that lab (median).
 * Each run is stopped ({@code POST …/cancel}) after its first event and its stream read to {@code
 * done} before the next starts. References, the same moment: the bare POST round trip, {@code POST
 * /api/runs} naming no experiment (404: the same guards, body and JSON parse, no run) in the warm
 * labs; and, for the cold figure, the cold run's own POST alone (written → 201 read). Beside each figure, the CPU time the lab used over
 * it (/proc/PID/stat, all its threads): on a loaded machine, wall time is mostly waiting.
 *
 * <p>JVM options for the labs come from the environment variable {@code LAB_JAVA_OPTS}, as in
 * {@code bench/run page}.
 *
 * <p>Usage: {@code FirstEvent LAB_JAR WORKDIR WARM [ID...]} (no ids: every experiment, in lesson
 * order). Prints two lines: {@code cold_max warm_max ref_warm_ms ref_cold_ms cold_max_id
 * warm_max_id}, then every experiment's {@code id cold/warm} figures in ms. Exits 1 if a run could
 * not be started or sent no event.
 */
public class FirstEvent {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
  private static final long EVENT_WAIT_MS = 60_000;

  private final int port;
  private final String host;
  private final long pid;
  /** CPU ms the lab used from the last POST to its first event (all its threads). */
  private double lastCpuMs;
  /** Ms of the last run's POST alone, written → 201 read. */
  private double lastPostMs;

  FirstEvent(int port, long pid) {
    this.port = port;
    this.host = "127.0.0.1:" + port;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    String jar = Path.of(args[0]).toAbsolutePath().toString();
    Path workdir = Path.of(args[1]).toAbsolutePath();
    int warm = Integer.parseInt(args[2]);
    ExperimentRegistry registry = Experiments.registry();
    List<Experiment> chosen = new ArrayList<>();
    if (args.length > 3) {
      for (int i = 3; i < args.length; i++) {
        String id = args[i];
        chosen.add(registry.find(id).orElseThrow(() -> new IllegalArgumentException("no experiment " + id)));
      }
    } else {
      for (LessonExperiments lesson : registry.lessons()) {
        lesson.experiments().forEach(chosen::add);
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Map<String, double[]> figures = new LinkedHashMap<>();
    List<Double> refWarm = new ArrayList<>();
    List<Double> refCold = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Experiment experiment : chosen) {
      String lesson = registry.lessonOf(experiment.id()).orElseThrow();
      List<String> command = new ArrayList<>(List.of(java));
      String options = System.getenv("LAB_JAVA_OPTS");
      if (options != null && !options.isBlank()) {
        command.addAll(List.of(options.strip().split("\\s+")));
      }
      command.addAll(List.of("-jar", jar, "serve", "--port", "0", "--max-runs", "100", "--run-starts", "10000"));
      Process lab = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
      // a driver stopped with Ctrl+C or kill takes its lab with it
      Thread stopLab = new Thread(lab::destroyForcibly);
      Runtime.getRuntime().addShutdownHook(stopLab);
      try {
        FirstEvent client = new FirstEvent(portOf(lab), lab.pid());
        client.get("/");
        client.get("/lessons/" + lesson);
        double cold = client.firstEvent(experiment);
        double coldCpu = client.lastCpuMs;
        refCold.add(client.lastPostMs);
        List<Double> warmMs = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
          warmMs.add(client.firstEvent(experiment));
          warmCpu.add(client.lastCpuMs);
        }
        for (int i = 0; i < 3; i++) {
          refWarm.add(client.barePost());
        }
        figures.put(experiment.id(), new double[] {cold, median(warmMs), coldCpu, median(warmCpu)});
      } catch (IOException | RuntimeException e) {
        errors.add(experiment.id() + ": " + e.getMessage());
      } finally {
        lab.destroy();
        if (!lab.waitFor(5, TimeUnit.SECONDS)) {
          lab.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(stopLab);
      }
    }
    errors.forEach(e -> System.err.println("first-event: " + e));
    String coldId = worst(figures, 0);
    String warmId = worst(figures, 1);
    System.out.printf(Locale.ROOT, "%.1f %.1f %.2f %.2f %s %s%n",
        coldId == null ? Double.NaN : figures.get(coldId)[0],
        warmId == null ? Double.NaN : figures.get(warmId)[1],
        median(refWarm), median(refCold), coldId, warmId);
    StringBuilder detail = new StringBuilder();
    figures.forEach((id, f) -> detail.append(
        String.format(Locale.ROOT, "%s %.0f/%.1f (cpu %.0f/%.0f); ", id, f[0], f[1], f[2], f[3])));
    System.out.println(detail.toString().strip());
    System.exit(errors.isEmpty() ? 0 : 1);
  }

  /** The port the lab prints in its address, waiting for it to start. */
  private static int portOf(Process lab) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = URL.matcher(line);
      if (m.find()) {
        // keep reading what it prints, so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
          try {
            out.transferTo(java.io.Writer.nullWriter());
          } catch (IOException ignored) {
            // the lab was stopped
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IOException("the lab exited without printing its address");
  }

  /** GET of a page, read to the end; it must answer 200. */
  void get(String path) throws IOException {
    BenchHttp.Response r = exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    if (r.status() != 200) {
      throw new IOException("GET " + path + ": " + r.status());
    }
  }

  /** Ms from writing the POST that starts a run to reading its stream's first event. */
  double firstEvent(Experiment experiment) throws IOException {
    String post = runRequest(experiment);
    long cpu = cpuMillis();
    long sent = System.nanoTime();
    BenchHttp.Response created = exchange("POST /api/runs HTTP/1.1\r\nHost: " + host + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + post.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n" + post);
    lastPostMs = (System.nanoTime() - sent) / 1e6;
    if (created.status() != 201) {
      throw new IOException("POST " + post + ": " + created.status() + " " + created.body());
    }
    String id = created.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: " + host
          + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      if (status == null || !status.startsWith("HTTP/1.1 200")) {
        throw new IOException("events: " + status);
      }
      double first = -1;
      for (String line; (line = in.readLine()) != null; ) {
        if (first < 0 && line.startsWith("event: ")) {
          first = (System.nanoTime() - sent) / 1e6;
          lastCpuMs = cpuMillis() - cpu;
          // stop it, as a learner pressing Stop would, and wait for it to end
          exchange("POST /api/runs/" + id + "/cancel HTTP/1.1\r\nHost: " + host
              + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        if (line.equals("event: done")) {
          return first;
        }
      }
      if (first < 0) {
        throw new IOException(experiment.id() + ": the stream ended without an event");
      }
      return first;
    }
  }

  /**
   * CPU time the lab's process has used, in ms (utime + stime from /proc/PID/stat; -1 where there
   * is no /proc): what load from other processes does not inflate as it does wall time.
   */
  private long cpuMillis() {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
  private static final long TICKS = 100;

  /** Ms of one POST /api/runs that names no experiment: the round trip without a run. */
  double barePost() throws IOException {
    String post = "{\"experiment\":\"bench-no-such-experiment\"}";
    long sent = System.nanoTime();
    BenchHttp.Response r = exchange("POST /api/runs HTTP/1.1\r\nHost: " + host + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + post.length()
        + "\r\nConnection: close\r\n\r\n" + post);
    double ms = (System.nanoTime() - sent) / 1e6;
    if (r.status() != 404) {
      throw new IOException("bare POST: " + r.status() + " " + r.body());
    }
    return ms;
  }

  /** The run request with the form's defaults; a port the learner must choose gets a free one. */
  private static String runRequest(Experiment experiment) throws IOException {
    StringBuilder params = new StringBuilder();
    for (ParamSpec spec : experiment.params()) {
      if (spec.required() && spec.kind() == ParamSpec.Kind.PORT) {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          params.append(params.length() == 0 ? "" : ",")
              .append('"').append(spec.name()).append("\":\"").append(free.getLocalPort()).append('"');
        }
      }
    }
    return "{\"experiment\":\"" + experiment.id() + "\",\"params\":{" + params + "}}";
  }

  private Socket connect() throws IOException {
    return BenchHttp.connect(port, 5000, (int) EVENT_WAIT_MS);
  }

  /** Sends one request on its own connection and reads the whole response (Connection: close). */
  private BenchHttp.Response exchange(String request) throws IOException {
    return BenchHttp.exchange(port, request, 5000, (int) EVENT_WAIT_MS);
  }

  /** The id whose figure at {@code index} (0 cold, 1 warm) is the largest; null if none. */
  private static String worst(Map<String, double[]> figures, int index) {
    String id = null;
    for (Map.Entry<String, double[]> e : figures.entrySet()) {
      if (id == null || e.getValue()[index] > figures.get(id)[index]) {
        id = e.getKey();
      }
    }
    return id;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
