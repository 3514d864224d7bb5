package dev.loopbacklab.experiments.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.testing.RecordingReport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The check against real little servers, each making one of the mistakes the lesson names. */
class CorsYoursCheckTest {
    private static final String PAGE = "http://127.0.0.1:62893";

    /** A server on 127.0.0.1:0 whose headers {@code headers} sets from the request's Origin. */
    private static Event.Verdict judge(BiConsumer<String, com.sun.net.httpserver.Headers> headers)
            throws Exception {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                ex -> {
                    headers.accept(
                            ex.getRequestHeaders().getFirst("Origin"), ex.getResponseHeaders());
                    byte[] body = "hi".getBytes();
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                });
        server.start();
        try {
            return RecordingReport.run(
                            new CorsYoursCheck(),
                            Map.of(
                                    "port",
                                    Integer.toString(server.getAddress().getPort()),
                                    "origin",
                                    PAGE))
                    .onlyVerdict();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void passesWhenOnlyThePageOriginIsGranted() throws Exception {
        Event.Verdict verdict =
                judge(
                        (origin, out) -> {
                            if (PAGE.equals(origin)) {
                                out.set("Access-Control-Allow-Origin", origin);
                                out.set("Access-Control-Allow-Credentials", "true");
                            }
                            out.set("Vary", "Origin");
                        });
        assertTrue(verdict.passed(), verdict.toString());
        assertTrue(verdict.details().stream().anyMatch(d -> d.startsWith("credentials: allowed")));
    }

    @Test
    void failsOnAMissingHeaderAndSaysSo() throws Exception {
        Event.Verdict verdict = judge((origin, out) -> {});
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().startsWith("Missing header"), verdict.summary());
    }

    @Test
    void failsOnStarWithCredentialsAndSaysSo() throws Exception {
        Event.Verdict verdict =
                judge(
                        (origin, out) -> {
                            out.set("Access-Control-Allow-Origin", "*");
                            out.set("Access-Control-Allow-Credentials", "true");
                        });
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().startsWith("* with credentials"), verdict.summary());
    }

    @Test
    void failsOnAPlainStar() throws Exception {
        Event.Verdict verdict = judge((origin, out) -> out.set("Access-Control-Allow-Origin", "*"));
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().contains("every web page"), verdict.summary());
    }

    @Test
    void failsWhenAnyOriginIsCopiedBack() throws Exception {
        Event.Verdict verdict =
                judge(
                        (origin, out) -> {
                            if (origin != null) {
                                out.set("Access-Control-Allow-Origin", origin);
                            }
                        });
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().contains("copies any Origin"), verdict.summary());
    }

    @Test
    void failsOnTheWrongOrigin() throws Exception {
        Event.Verdict verdict =
                judge(
                        (origin, out) ->
                                out.set("Access-Control-Allow-Origin", "http://localhost:62893"));
        assertFalse(verdict.passed());
        assertTrue(
                verdict.summary().contains("but this page's origin is " + PAGE), verdict.summary());
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port;
        try (var gone = new java.net.ServerSocket(0)) {
            port = gone.getLocalPort();
        }
        Event.Verdict verdict =
                RecordingReport.run(
                                new CorsYoursCheck(),
                                Map.of("port", Integer.toString(port), "origin", PAGE))
                        .onlyVerdict();
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().startsWith("Could not get an HTTP answer"), verdict.summary());
    }

    @Test
    void refusesAnOriginThatIsNotLoopback() {
        Event.Verdict verdict =
                RecordingReport.run(
                                new CorsYoursCheck(),
                                Map.of("port", "7011", "origin", "http://evil.example"))
                        .onlyVerdict();
        assertFalse(verdict.passed());
        assertTrue(verdict.summary().contains("is not a loopback origin"), verdict.summary());
    }
}
