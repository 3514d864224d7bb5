package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HelloApiTest {

    /** A GET /hello over a socket we hold, so we know our own source port. */
    private static String helloFrom(Socket socket, String host) throws IOException {
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
                .write(
                        ("GET /hello HTTP/1.1\r\nHost: "
                                        + host
                                        + "\r\nUser-Agent: test/1\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void answersHelloWithTheCallersSourcePort() throws Exception {
        List<HelloApi.Request> seen = new CopyOnWriteArrayList<>();
        try (HelloApi api = HelloApi.start("127.0.0.1", 0, seen::add);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            String reply = helloFrom(socket, "127.0.0.1:" + api.port());
            assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply);
            assertTrue(reply.contains("Content-type: application/json"), reply);
            assertTrue(
                    reply.endsWith(
                            "\r\n\r\n{\"message\":\"hello\",\"you\":\"127.0.0.1:"
                                    + socket.getLocalPort()
                                    + "\"}"),
                    reply);
            Wait.until("the request seen", () -> seen.size() == 1);
            assertEquals(
                    new HelloApi.Request(
                            "GET",
                            "/hello",
                            "127.0.0.1:" + api.port(),
                            "test/1",
                            socket.getLocalPort(),
                            200),
                    seen.get(0));
        }
    }

    @Test
    void acceptsLocalhostAsTheHostName() throws IOException {
        try (HelloApi api = HelloApi.start("127.0.0.1", 0)) {
            assertEquals(
                    200, RawHttp.get(api.port(), "/hello", "localhost:" + api.port()).status());
            assertEquals(
                    200, RawHttp.get(api.port(), "/hello", "LocalHost:" + api.port()).status());
        }
    }

    @Test
    void refusesAForeignHostHeaderAsADnsRebindingDefence() throws IOException {
        try (HelloApi api = HelloApi.start("127.0.0.1", 0)) {
            RawHttp.Response evil = RawHttp.get(api.port(), "/hello", "evil.example:" + api.port());
            assertEquals(403, evil.status());
            assertTrue(
                    evil.body().contains("only answers requests for 127.0.0.1:" + api.port()),
                    evil.body());
            assertEquals(403, RawHttp.get(api.port(), "/hello", "127.0.0.1:1").status());
            assertEquals(403, RawHttp.get(api.port(), "/hello", "127.0.0.1").status());
        }
    }

    @Test
    void answersOtherPathsAndMethodsWithJsonErrors() throws IOException {
        try (HelloApi api = HelloApi.start("127.0.0.1", 0)) {
            assertEquals(
                    404, RawHttp.get(api.port(), "/nothing", "127.0.0.1:" + api.port()).status());
            RawHttp.Response post = RawHttp.postJson(api.port(), "/hello", "", "{}");
            assertEquals(405, post.status());
            assertEquals("GET", post.header("Allow"));
        }
    }

    @Test
    void closeFreesThePort() throws IOException {
        HelloApi api = HelloApi.start("127.0.0.1", 0);
        int port = api.port();
        api.close();
        assertTrue(api.toString().endsWith(", closed]"), api.toString());
        assertThrows(
                ConnectException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (HelloApi again = HelloApi.start("127.0.0.1", port)) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void refusesToListenOutsideLoopback() {
        assertThrows(InvalidTargetException.class, () -> HelloApi.start("0.0.0.0", 0));
    }
}
