import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A room of LEARNERS learner labs, simulated from one process on loopback against a real teacher's
 * lab (started here as a child JVM from the jar, so it can be killed with SIGKILL).
 *
 * <p>1. Every learner joins (the room's own API, as a learner's lab does). 2. The board's event
 * stream is opened with the board token, and its first event (the board's state) awaited. 3. Each learner sends 10 verdicts in a burst (CONNS
 * connections at once); each verdict's latency is from just before its POST is written to the
 * moment its change is read from the board's stream. 4. A second burst is cut by kill -9 of the
 * teacher's lab; the lab is started again on the same room file and every verdict it had answered
 * "stored" (201) is looked for on the board.
 *
 * <p>Usage: {@code RoomBench JAR ROOM_DIR LEARNERS CONNS}. Prints "board_p50_ms board_p99_ms
 * errors lost rss_mb acked_before_kill joins_per_s verdicts_per_s board_state_ms ack_p50_ms ack_p99_ms cpu_ms_per_verdict"
 * (ack: the POST written → its 201 read, i.e. the verdict durable on the teacher's disk; CPU: the
 * teacher's lab's user + system time during the burst over the verdicts sent, which load distorts
 * far less than latency).
 */
public final class RoomBench {
    private static final Pattern LINK = Pattern.compile("Learners join with:\\s+(http://\\S+)");
    private static final Pattern BOARD = Pattern.compile("board \\(keep it to yourself\\):\\s+(http://\\S+)");

    record Lab(Process process, int port, String code, String board) {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path dir = Path.of(args[1]);
        int learners = Integer.parseInt(args[2]);
        int conns = Integer.parseInt(args[3]);
        deleteTree(dir);
        Lab lab = start(jar, dir);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(conns);

        // 1. joins
        String[] bearers = new String[learners];
        long joinStart = System.nanoTime();
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            int n = i;
            joins.add(pool.submit(() -> {
                try {
                    String body = "{\"code\":\"" + lab.code + "\",\"nickname\":\"learner " + n + "\",\"os\":\"" + (n % 3 == 0 ? "linux" : n % 3 == 1 ? "macos" : "windows") + "\"}";
                    Answer a = post(lab.port, "/room/api/join", null, body);
                    if (a.status != 201) { errors.incrementAndGet(); return; }
                    Matcher m = Pattern.compile("\"bearer\":\"([^\"]+)\"").matcher(a.body);
                    if (m.find()) { bearers[n] = m.group(1); } else { errors.incrementAndGet(); }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : joins) { f.get(); }
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;

        // 2. the board's stream
        Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        // The burst starts once the stream has sent the board's state, as in a room where the
        // teacher's board is up before learners send: the figure is how fast a change reaches an
        // open board, not how long the first snapshot of 1,000 learners takes (reported apart).
        CountDownLatch stateSeen = new CountDownLatch(1);
        long boardOpened = System.nanoTime();
        Socket board = openBoard(lab);
        Thread reader = new Thread(() -> readBoard(board, sentNanos, latencies, seen, stateSeen), "board-reader");
        reader.setDaemon(true);
        reader.start();
        if (!stateSeen.await(60, TimeUnit.SECONDS)) { throw new IOException("the board's stream sent no state in 60 s"); }
        double stateMillis = (System.nanoTime() - boardOpened) / 1e6;

        // 3. each learner sends 10 verdicts in a burst
        long cpuBefore = cpuMillis(lab.process.pid());
        Map<String, Long> threadsBefore = threadMillis(lab.process.pid());
        long burstStart = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < learners; i++) {
                if (bearers[i] == null) { continue; }
                String id = "b" + i + "x" + round;
                String bearer = bearers[i];
                boolean passed = (i + round) % 4 != 0;
                int r = round;
                sends.add(pool.submit(() -> {
                    String body = "{\"requestId\":\"" + id + "\",\"experiment\":\"bench-" + r + "\",\"passed\":" + passed + ",\"os\":\"linux\",\"numbers\":{\"tcp-p50-us\":\"" + (10 + r) + "\"}}";
                    try {
                        // "sent": the moment the request is written, after the connection is made
                        if (post(lab.port, "/room/api/verdicts", bearer, body, () -> sentNanos.put(id, System.nanoTime())).status != 201) { errors.incrementAndGet(); }
                        acks.add(System.nanoTime() - sentNanos.get(id));
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }));
            }
        }
        for (Future<?> f : sends) { f.get(); }
        double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
        long expected = sends.size();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < expected && System.nanoTime() < waitUntil) { Thread.sleep(10); }
        int missingOnBoard = (int) (expected - seen.size());
        double cpuPerVerdict = (cpuMillis(lab.process.pid()) - cpuBefore) / (double) expected;
        // Where that CPU went, by thread (C1/C2 compiler, Jetty, the room's writer…): on stderr,
        // which bench/run keeps in target/bench/room.err.
        Map<String, Long> byThread = new java.util.TreeMap<>();
        threadMillis(lab.process.pid()).forEach((thread, ms) -> byThread.merge(
                thread.replaceAll("@\\d+$", "").replaceAll("-\\d+$", "-N"), ms - threadsBefore.getOrDefault(thread, 0L), Long::sum));
        byThread.values().removeIf(ms -> ms == 0);
        System.err.println("the teacher's lab's CPU during the burst, by thread (ms): " + byThread);
        long rss = rssMb(lab.process.pid());
        board.close();

        // 4. a burst cut by kill -9, then a restart on the same file
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        List<Future<?>> crash = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            if (bearers[i] == null) { continue; }
            String bearer = bearers[i];
            int n = i;
            crash.add(pool.submit(() -> {
                for (int r = 0; r < 10; r++) {
                    String key = n + "/crash-" + r;
                    String body = "{\"requestId\":\"c" + n + "x" + r + "\",\"experiment\":\"crash-" + r + "\",\"passed\":true,\"os\":\"linux\",\"numbers\":{}}";
                    try {
                        sent.incrementAndGet();
                        if (post(lab.port, "/room/api/verdicts", bearer, body).status == 201) { acked.add(key); }
                    } catch (IOException e) {
                        return; // the lab is gone
                    }
                }
            }));
        }
        while (acked.size() < learners * 3 && sent.get() < learners * 10) { Thread.sleep(1); }
        lab.process.destroyForcibly().waitFor();
        for (Future<?> f : crash) { f.get(); }
        pool.shutdown();
        Lab again = start(jar, dir);
        String state;
        try {
            state = get(again.port, "/room/board/state", "loopback_lab_board=" + again.board);
        } finally {
            again.process.destroy();
            again.process.waitFor(10, TimeUnit.SECONDS);
            again.process.destroyForcibly();
        }
        int lost = 0;
        for (String key : acked) {
            int slash = key.indexOf('/');
            String nickname = "learner " + key.substring(0, slash);
            int at = state.indexOf("\"nickname\":\"" + nickname + "\"");
            int end = state.indexOf("\"nickname\":", at + 12);
            String row = at < 0 ? "" : state.substring(at, end < 0 ? state.length() : end);
            if (!row.contains("\"" + key.substring(slash + 1) + "\":{")) {
                lost++;
                System.err.println("acknowledged, missing after the restart: " + key);
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> ackSorted = new ArrayList<>(acks);
        Collections.sort(ackSorted);
        System.out.printf(java.util.Locale.ROOT, "%.1f %.1f %d %d %d %d %.0f %.0f %.0f %.1f %.1f %.3f%n",
                pct(sorted, 50), pct(sorted, 99), errors.get() + missingOnBoard, lost, rss, acked.size(),
                learners / joinSeconds, expected / burstSeconds, stateMillis, pct(ackSorted, 50), pct(ackSorted, 99),
                cpuPerVerdict);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) { return -1; }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static Lab start(String jar, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        // The README's advice for a teacher's laptop: a small heap and the serial collector.
        String opts = System.getenv().getOrDefault("ROOM_JAVA_OPTS", "-Xmx128m -XX:+UseSerialGC");
        for (String opt : opts.trim().split("\\s+")) {
            if (!opt.isEmpty()) { command.add(opt); }
        }
        command.addAll(List.of("-jar", jar, "serve", "--port", "0", "--open-room", "--room-dir", dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String link = null, board = null;
        for (String line; (line = out.readLine()) != null && (link == null || board == null); ) {
            Matcher m = LINK.matcher(line);
            if (m.find()) { link = m.group(1); }
            Matcher b = BOARD.matcher(line);
            if (b.find()) { board = b.group(1); }
        }
        if (link == null || board == null) { throw new IOException("the teacher's lab did not print its links"); }
        Thread drain = new Thread(() -> { try { out.transferTo(java.io.Writer.nullWriter()); } catch (IOException e) { } });
        drain.setDaemon(true);
        drain.start();
        int port = Integer.parseInt(link.replaceAll("http://[^:]+:(\\d+)/.*", "$1"));
        return new Lab(p, port, link.substring(link.indexOf("code=") + 5), board.substring(board.indexOf("board=") + 6));
    }

    record Answer(int status, String body) {}

    static Answer post(int port, String path, String bearer, String json) throws IOException {
        return post(port, path, bearer, json, () -> { });
    }

    static Answer post(int port, String path, String bearer, String json, Runnable beforeWrite) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "Connection: close\r\n\r\n";
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            s.setSoTimeout(30_000);
            s.setTcpNoDelay(true);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(head.getBytes(StandardCharsets.US_ASCII));
            req.write(body);
            beforeWrite.run();
            s.getOutputStream().write(req.toByteArray());
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (text.length() < 12) { throw new IOException("no answer"); }
            int end = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)), end < 0 ? "" : text.substring(end + 4));
        }
    }

    static String get(int port, String path, String cookie) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }

    static Socket openBoard(Lab lab) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), lab.port), 10_000);
        s.getOutputStream().write(("GET /room/board/events HTTP/1.1\r\nHost: 127.0.0.1:" + lab.port + "\r\nAccept: text/event-stream\r\nCookie: loopback_lab_board=" + lab.board + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    static void readBoard(Socket s, Map<String, Long> sent, ConcurrentLinkedQueue<Long> latencies, Set<String> seen, CountDownLatch stateSeen) {
        Pattern request = Pattern.compile("\"requestId\":\"([^\"]+)\"");
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("event: state")) { stateSeen.countDown(); }
                if (!line.startsWith("data: {\"type\":\"verdict\"")) { continue; }
                long now = System.nanoTime();
                Matcher m = request.matcher(line);
                if (m.find() && seen.add(m.group(1))) {
                    Long at = sent.get(m.group(1));
                    if (at != null) { latencies.add(now - at); }
                }
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    /** CPU time (user + system) the process has used, from /proc/PID/stat, in ms. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** CPU time (user + system) of each of the process's threads, in ms, by "name@tid". */
    static Map<String, Long> threadMillis(long pid) throws IOException {
        Map<String, Long> threads = new java.util.HashMap<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.put(name + "@" + task.getFileName(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return threads;
    }

    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) { return; }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) { Files.delete(p); }
        }
    }

}
