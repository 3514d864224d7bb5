package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.testing.Garbage;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand seeded random malformed requests, over raw sockets to 127.0.0.1: never a 500, never
 * a stack trace in a body, and nothing left open afterwards.
 */
@Tag("soak") // long under load: runs in the soak phase, with its own limit (pom.xml)
class MalformedRequestFuzzTest {
    private static final long SEED = 20261126L;
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final List<String> LEAKS =
            List.of("Exception", "at dev.", "at io.", "at org.", "at java.", "\tat ");

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @Test
    void malformedRequestsNeverBreakTheLab() throws Exception {
        assumeTrue(OwnSockets.supported(), "needs Linux /proc");
        LabConfig config =
                LabConfig.local(0, TestLab.fixtureContent())
                        .withLimits(
                                new LabConfig.Limits(
                                        4,
                                        Duration.ofSeconds(1),
                                        1_000_000,
                                        Duration.ofSeconds(10),
                                        Duration.ofSeconds(2)));
        try (LabServer warm = TestLab.start(config)) {
            RawHttp.get(warm.port(), "/", "localhost");
        }
        Set<String> listeningBefore = OwnSockets.listening();
        long filesBefore = OwnSockets.openFiles();
        try (LabServer lab = TestLab.start(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(
                            pool.submit(
                                    () -> {
                                        Requests requests =
                                                new Requests(
                                                        new Garbage(SEED + thread), lab.port());
                                        for (int i = 0; i < REQUESTS / THREADS; i++) {
                                            check(lab.port(), requests.next());
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(200, RawHttp.get(lab.port(), "/", "localhost").status(), "still serving");
            System.out.println(
                    "MalformedRequestFuzzTest statuses: " + new java.util.TreeMap<>(statuses));
        }
        assertFalse(statuses.containsKey(500), statuses.toString());
        assertTrue(statuses.size() >= 6, "a spread of answers: " + statuses);
        assertEquals(listeningBefore, OwnSockets.listening());
        long files = OwnSockets.openFiles();
        assertTrue(files <= filesBefore + 8, "open files: " + filesBefore + " before, " + files);
    }

    private void check(int port, byte[] request) throws Exception {
        byte[] raw = exchange(port, request);
        String text = new String(raw, StandardCharsets.UTF_8);
        int status =
                text.startsWith("HTTP/1.1 ") && text.length() >= 12
                        ? Integer.parseInt(text.substring(9, 12))
                        : 0;
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String shown = new String(request, StandardCharsets.UTF_8);
        shown = shown.substring(0, Math.min(300, shown.length()));
        assertTrue(status < 500 || status == 505, "status " + status + " for " + shown);
        for (String leak : LEAKS) {
            assertFalse(
                    text.contains(leak),
                    "\"" + leak + "\" in the answer to " + shown + ":\n" + text);
        }
    }

    /** Sends the bytes, half-closes, reads the answer (at most 1 MiB, at most 10 s). */
    private static byte[] exchange(int port, byte[] request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (java.io.IOException closedEarly) {
                // the server may hang up before reading everything (a 413 or 431): read its answer
                // anyway
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n;
                        (n = socket.getInputStream().read(buffer)) >= 0
                                && out.size() < (1 << 20); ) {
                    out.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answer was sent
            }
            return out.toByteArray();
        }
    }
}
