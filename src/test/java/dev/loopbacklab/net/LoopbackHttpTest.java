package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackHttpTest {
    private final AtomicInteger handled = new AtomicInteger();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private LoopbackHttp http;

    @BeforeEach
    void start() throws Exception {
        http =
                LoopbackHttp.start(
                        IpLiteral.loopbackV4(),
                        0,
                        request -> {
                            handled.incrementAndGet();
                            return LoopbackHttp.Reply.text(200, "hi " + request.path() + "\n");
                        },
                        (request, status) -> statuses.add(status));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void answersRequestsThatNameIt() throws Exception {
        int port = http.port();
        assertEquals(200, RawHttp.get(port, "/x", "127.0.0.1:" + port).status());
        assertEquals(200, RawHttp.get(port, "/x", "LOCALHOST:" + port).status());
        assertEquals(2, handled.get());
        waitFor(() -> statuses.size() == 2); // told after the answer left, so maybe a bit later
        assertEquals(List.of(200, 200), statuses);
    }

    @Test
    void refusesForeignHostHeadersBeforeTheHandlerSeesThem() throws Exception {
        int port = http.port();
        for (String host :
                List.of(
                        "evil.example:" + port,
                        "127.0.0.1",
                        "localhost",
                        "127.0.0.1:" + (port == 1 ? 2 : port - 1),
                        "[::1]:" + port,
                        "localhost.:" + port,
                        "")) {
            RawHttp.Response response = RawHttp.get(port, "/x", host);
            assertEquals(403, response.status(), host);
            assertTrue(response.body().contains("only answers requests for 127.0.0.1:" + port));
        }
        assertEquals(0, handled.get());
        waitFor(() -> statuses.size() == 7);
        assertTrue(statuses.stream().allMatch(status -> status == 403));
    }

    @Test
    void refusesTwoHostHeadersEvenIfTheFirstNamesIt() throws Exception {
        // a proxy and the server might each believe a different one
        int port = http.port();
        RawHttp.Response response =
                RawHttp.send(
                        port,
                        "GET /x HTTP/1.1\r\nHost: 127.0.0.1:"
                                + port
                                + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertEquals(403, response.status());
        assertEquals(0, handled.get());
    }

    @Test
    void handsTheQueryToTheHandler() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        try (LoopbackHttp echo =
                LoopbackHttp.start(
                        IpLiteral.loopbackV4(),
                        0,
                        request -> {
                            queries.add(request.query());
                            return LoopbackHttp.Reply.text(200, "ok");
                        },
                        (request, status) -> {})) {
            String host = "127.0.0.1:" + echo.port();
            RawHttp.get(echo.port(), "/a?expose=1", host);
            RawHttp.get(echo.port(), "/a", host);
        }
        assertEquals(List.of("expose=1", ""), queries);
    }

    @Test
    void sendsAnEmptyBodyAsNoBody() throws Exception {
        try (LoopbackHttp empty =
                LoopbackHttp.start(
                        IpLiteral.loopbackV4(),
                        0,
                        request -> LoopbackHttp.Reply.text(204, "").with("X-Seen", "yes"),
                        (request, status) -> {})) {
            RawHttp.Response response = RawHttp.get(empty.port(), "/", "127.0.0.1:" + empty.port());
            assertEquals(204, response.status());
            assertEquals("yes", response.header("X-Seen"));
            assertEquals("", response.body());
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        LoopbackHttp.start(
                                IpLiteral.parse("0.0.0.0"),
                                0,
                                request -> LoopbackHttp.Reply.text(200, ""),
                                (request, status) -> {}));
    }

    /** Polls a state; the suite's default timeout ends a wait that never comes true. */
    private static void waitFor(BooleanSupplier state) {
        Wait.until("the statuses told", state);
    }
}
