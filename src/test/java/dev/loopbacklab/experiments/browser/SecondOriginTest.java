package dev.loopbacklab.experiments.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second origin keeps the lab's rules (loopback only, Host allow-list, CORS by name and never
 * *), and the toy, the one unguarded server, lives for its run only. Requests are written by hand
 * so that any Host and Origin can be sent.
 */
class SecondOriginTest {
    private static String get(int port, String method, String path, String host, String origin)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            String request =
                    method
                            + " "
                            + path
                            + " HTTP/1.1\r\nHost: "
                            + host
                            + "\r\n"
                            + (origin == null ? "" : "Origin: " + origin + "\r\n")
                            + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            // lower case: the JDK's server writes header names as "Access-control-allow-origin"
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dev.loopbacklab.net.SocketTable.available(), "needs Linux's socket table");
        try (SecondOrigin second = SecondOrigin.start();
                ToyServer toy = ToyServer.start()) {
            for (int port : new int[] {second.port(), toy.port()}) {
                var entries =
                        dev.loopbacklab.net.SocketTable.listening().stream()
                                .filter(e -> e.localPort() == port)
                                .toList();
                assertFalse(entries.isEmpty(), "port " + port + " is listed");
                assertTrue(
                        entries.stream()
                                .allMatch(dev.loopbacklab.net.SocketTable.Entry::isLoopbackOnly),
                        entries.toString());
            }
        }
    }

    @Test
    void refusesAForeignHostLikeTheLab() throws Exception {
        try (SecondOrigin second = SecondOrigin.start()) {
            String answer =
                    get(
                            second.port(),
                            "GET",
                            "/cors",
                            "rebind.localhost:" + second.port(),
                            "http://127.0.0.1:1");
            assertTrue(answer.startsWith("http/1.1 403"), answer);
            assertFalse(answer.contains("access-control-allow-origin"), answer);
            assertEquals("rebind.localhost:" + second.port(), second.arrivals().take().host());
        }
    }

    @Test
    void grantsCorsToALoopbackOriginByNameAndNeverToOthersOrStar() throws Exception {
        try (SecondOrigin second = SecondOrigin.start()) {
            String mine =
                    get(
                            second.port(),
                            "GET",
                            "/cors",
                            "127.0.0.1:" + second.port(),
                            "http://localhost:4242");
            assertTrue(mine.contains("access-control-allow-origin: http://localhost:4242"), mine);
            String evil =
                    get(
                            second.port(),
                            "GET",
                            "/cors",
                            "127.0.0.1:" + second.port(),
                            "http://evil.example");
            assertFalse(evil.contains("access-control-allow-origin"), evil);
            String none =
                    get(second.port(), "GET", "/cookie/echo", "localhost:" + second.port(), null);
            assertFalse(none.contains("access-control-allow"), none);
            assertFalse(mine.contains("access-control-allow-origin: *"));
        }
    }

    @Test
    void answersAPreflightAndLogsIt() throws Exception {
        try (SecondOrigin second = SecondOrigin.start()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), second.port())) {
                socket.getOutputStream()
                        .write(
                                ("OPTIONS /cors HTTP/1.1\r\nHost: 127.0.0.1:"
                                                + second.port()
                                                + "\r\nOrigin: http://127.0.0.1:9\r\n"
                                                + "Access-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-lab\r\n"
                                                + "Connection: close\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                String answer =
                        new String(
                                socket.getInputStream().readAllBytes(),
                                StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 204"), answer);
                assertTrue(
                        answer.toLowerCase(java.util.Locale.ROOT)
                                .contains("access-control-allow-methods: put"),
                        answer);
            }
            Arrival arrival = second.arrivals().take();
            assertEquals("OPTIONS /cors (preflight for PUT, x-lab)", arrival.summary());
        }
    }

    @Test
    void theOriginsRunEndsWhenThePageSaysDoneAndListsWhatArrived() throws Exception {
        dev.loopbacklab.testing.LiveReport report = new dev.loopbacklab.testing.LiveReport();
        Thread page =
                new Thread(
                        () -> {
                            try {
                                String url = report.awaitFact("second origin");
                                int port =
                                        Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
                                get(
                                        port,
                                        "GET",
                                        "/plain",
                                        "127.0.0.1:" + port,
                                        "http://127.0.0.1:9");
                                get(
                                        port,
                                        "POST",
                                        "/done",
                                        "127.0.0.1:" + port,
                                        "http://127.0.0.1:9");
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        });
        page.start();
        new Origins()
                .run(
                        dev.loopbacklab.lesson.Params.parse(
                                new Origins().params(), Map.of("wait-seconds", "25")),
                        report);
        page.join();
        assertTrue(
                report.events().stream()
                        .filter(e -> e instanceof dev.loopbacklab.lesson.Event.Table)
                        .map(e -> (dev.loopbacklab.lesson.Event.Table) e)
                        .filter(t -> t.caption().equals("What arrived at the second origin"))
                        .anyMatch(
                                t ->
                                        t.rows().stream()
                                                .anyMatch(r -> r.get(0).equals("GET /plain"))),
                "GET /plain in the arrivals");
    }

    @Test
    void withoutABrowserTheOriginsRunSaysWhereTheRequestsComeFrom() {
        dev.loopbacklab.testing.RecordingReport report =
                dev.loopbacklab.testing.RecordingReport.completed(
                        new Origins(), Map.of("wait-seconds", "1"));
        assertTrue(report.warnings().contains("run this on the lesson page"), report.warnings());
    }

    @Test
    void theToyAnswersAnyHostAndIsGoneAfterItsRun() throws Exception {
        int port;
        try (ToyServer toy = ToyServer.start()) {
            port = toy.port();
            String answer = get(port, "GET", "/", "rebind.localhost:" + port, null);
            assertTrue(answer.startsWith("http/1.1 200"), answer);
            assertTrue(answer.contains(toy.secret()));
        }
        int gone = port;
        org.junit.jupiter.api.Assertions.assertThrows(
                ConnectException.class, () -> get(gone, "GET", "/", "localhost", null));
    }
}
