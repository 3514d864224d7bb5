import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jshell-first-cell and jshell-next-cell: a lesson page's first JShell cell run in the lab, against
 * plain {@code jshell} evaluating the same snippet from a cold start.
 *
 * <p>Lab side, per round: a fresh {@code java -jar loopback-lab.jar serve --port 0}; the requests
 * notebook.js makes: the printed {@code ?jshell=} link (cookie), then, as the page loads, {@code POST
 * /api/jshell/sessions} and its event stream (the lab starts the page's JVM then); Run is pressed at
 * once, so the first cell gets no head start from the page being read: {@code POST …/cells} with
 * the cell's code, and the figure is from that POST to the cell's {@code done} event. Then
 * {@code NEXT} trivial cells ({@code 1 + 1}), each POST to done.
 *
 * <p>Reference, per round: {@code jshell --class-path <jar> --startup DEFAULT --startup <the lab's
 * startup imports>} with the same snippet and a marker line on its standard input; process start to
 * the marker on its output. Rounds alternate. Prints "first_ms ref_ms ratio next_p50_ms next_p90_ms".
 *
 * <p>Usage: JShellCells JAR LESSON_MD STARTUP_JSH WORKDIR ROUNDS NEXT
 */
public final class JShellCells {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String cell = firstJShellBlock(Files.readString(Path.of(args[1])));
        Path startup = Path.of(args[2]).toAbsolutePath();
        Path work = Path.of(args[3]).toAbsolutePath();
        int rounds = Integer.parseInt(args[4]);
        int next = Integer.parseInt(args[5]);
        List<Double> first = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        List<Double> following = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            reference.add(plainJshell(jar, startup, cell));
            first.add(lab(jar, work, cell, next, following));
        }
        double f = median(first);
        double r = median(reference);
        Collections.sort(following);
        System.out.printf(
                Locale.ROOT,
                "%.0f %.0f %.3f %.1f %.1f%n",
                f,
                r,
                f / r,
                percentile(following, 50),
                percentile(following, 90));
        System.err.println("first-cell rounds (ms): " + first + "; jshell rounds (ms): " + reference);
    }

    static String firstJShellBlock(String markdown) {
        Matcher m = Pattern.compile("(?ms)^```jshell[^\\n]*\\n(.*?)^```").matcher(markdown);
        if (!m.find()) {
            throw new IllegalArgumentException("no jshell block");
        }
        return m.group(1);
    }

    /** Plain jshell from a cold start: process start to the marker after the snippet. */
    static double plainJshell(Path jar, Path startup, String cell) throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        long started = System.nanoTime();
        Process p =
                new ProcessBuilder(
                                jshell.toString(),
                                "--class-path",
                                jar.toString(),
                                "--startup",
                                "DEFAULT",
                                "--startup",
                                startup.toString(),
                                "-q")
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(
                    (cell + "\nSystem.out.println(\"bench-\" + \"marker\");\n/exit\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("bench-marker")) {
                    double ms = (System.nanoTime() - started) / 1e6;
                    p.waitFor(30, TimeUnit.SECONDS);
                    return ms;
                }
            }
        } finally {
            p.destroyForcibly();
        }
        throw new IllegalStateException("jshell printed no marker");
    }

    /** A fresh lab: Run on the first cell as soon as the page opened its session. */
    static double lab(Path jar, Path work, String cell, int next, List<Double> following)
            throws Exception {
        Process lab =
                new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--port", "0")
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
            String link = null;
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)\\?jshell=([\\w-]+)").matcher(line);
                if (m.find()) {
                    link = m.group(0);
                    break;
                }
            }
            if (link == null) {
                throw new IllegalStateException("the lab printed no ?jshell= link");
            }
            String base = link.substring(0, link.indexOf('?'));
            HttpResponse<String> entered = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = entered.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            String origin = base.substring(0, base.length() - 1);
            // the page loads: notebook.js opens the session and its stream
            HttpResponse<String> opened = post(base + "api/jshell/sessions", cookie, origin, "{\"lesson\":\"you-are-here\"}");
            String id = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            Stream stream = new Stream(base + "api/jshell/sessions/" + id + "/events", cookie);
            String cells = base + "api/jshell/sessions/" + id + "/cells";
            long pressed = System.nanoTime();
            int run = runOf(post(cells, cookie, origin, json(cell)));
            long done = stream.awaitDone(run);
            double firstMs = (done - pressed) / 1e6;
            for (int i = 0; i < next; i++) {
                long t = System.nanoTime();
                int r = runOf(post(cells, cookie, origin, json("1 + 1")));
                following.add((stream.awaitDone(r) - t) / 1e6);
            }
            return firstMs;
        } finally {
            lab.destroy();
            lab.waitFor(10, TimeUnit.SECONDS);
            lab.destroyForcibly();
        }
    }

    static HttpResponse<String> post(String url, String cookie, String origin, String body) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("Cookie", cookie)
                                .header("Origin", origin)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static int runOf(HttpResponse<String> response) {
        return Integer.parseInt(response.body().replaceAll(".*\"run\":(\\d+).*", "$1"));
    }

    static String json(String code) {
        StringBuilder s = new StringBuilder("{\"code\":\"");
        for (char c : code.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append("\"}").toString();
    }

    /** The session's event stream, read on its own thread: when each run's done event came. */
    static final class Stream {
        private final ConcurrentHashMap<Integer, Long> done = new ConcurrentHashMap<>();
        private final CountDownLatch open = new CountDownLatch(1);

        Stream(String url, String cookie) throws InterruptedException {
            Thread reader =
                    new Thread(
                            () -> {
                                try {
                                    HttpResponse<java.util.stream.Stream<String>> response =
                                            HTTP.send(
                                                    HttpRequest.newBuilder(URI.create(url))
                                                            .header("Accept", "text/event-stream")
                                                            .header("Cookie", cookie)
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofLines());
                                    open.countDown();
                                    Pattern run = Pattern.compile("\"run\":(\\d+),\"type\":\"done\"");
                                    response.body()
                                            .forEach(
                                                    l -> {
                                                        Matcher m = run.matcher(l);
                                                        if (m.find()) {
                                                            done.put(Integer.parseInt(m.group(1)), System.nanoTime());
                                                            synchronized (this) {
                                                                notifyAll();
                                                            }
                                                        }
                                                    });
                                } catch (IOException | InterruptedException e) {
                                    // the lab stopped
                                }
                            },
                            "bench-sse");
            reader.setDaemon(true);
            reader.start();
            open.await(30, TimeUnit.SECONDS);
        }

        long awaitDone(int run) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (this) {
                while (!done.containsKey(run)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("run " + run + " never finished");
                    }
                    wait(100);
                }
            }
            return done.get(run);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
