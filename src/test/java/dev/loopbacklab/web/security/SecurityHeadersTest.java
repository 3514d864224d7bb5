package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals and errors carry the same strict headers as pages: every status the lab can answer. */
public class SecurityHeadersTest {
    @TempDir Path dir;

    /** Fails unless {@code response} carries every security header. */
    public static void assertStrict(String label, RawHttp.Response response) {
        String csp = response.header("content-security-policy");
        assertTrue(
                csp != null
                        && csp.contains("default-src 'self'")
                        && csp.contains("script-src 'self'")
                        && csp.contains("frame-ancestors 'none'")
                        && !csp.contains("unsafe-inline"),
                label + ": " + csp);
        assertEquals("nosniff", response.header("x-content-type-options"), label);
        assertEquals("no-referrer", response.header("referrer-policy"), label);
        assertEquals("DENY", response.header("x-frame-options"), label);
        assertNull(response.header("access-control-allow-origin"), label);
        assertFalse(
                response.body().contains("Exception")
                        || response.body().contains("at dev.")
                        || response.body().contains("at io.")
                        || response.body().contains("at org."),
                label);
    }

    @Test
    void everyStatusOfALoopbackLabIsStrict() throws Exception {
        Map<Integer, RawHttp.Response> seen = new LinkedHashMap<>();
        LabConfig config =
                LabConfig.local(0, TestLab.devCopy(dir))
                        .withLimits(
                                new LabConfig.Limits(
                                        1,
                                        Duration.ofSeconds(10),
                                        100,
                                        Duration.ofSeconds(10),
                                        Duration.ofSeconds(30)));
        try (LabServer lab = TestLab.start(config)) {
            int port = lab.port();
            seen.put(200, RawHttp.get(port, "/", "localhost"));
            seen.put(
                    201, RawHttp.postJson(port, "/api/runs", "", "{\"experiment\":\"test-hold\"}"));
            seen.put(
                    429, RawHttp.postJson(port, "/api/runs", "", "{\"experiment\":\"test-hold\"}"));
            seen.put(400, RawHttp.postJson(port, "/api/runs", "", "not json"));
            seen.put(403, RawHttp.get(port, "/", "evil.example"));
            seen.put(404, RawHttp.get(port, "/nowhere", "localhost"));
            seen.put(413, RawHttp.postJson(port, "/api/runs", "", "x".repeat(70_000)));
            seen.put(
                    415,
                    RawHttp.send(
                            port,
                            "POST /api/runs HTTP/1.1\nHost: localhost\n"
                                    + "Content-Type: text/plain\nContent-Length: 2\nConnection: close\n\nhi"));
            seen.put(
                    431,
                    RawHttp.send(
                            port,
                            "GET / HTTP/1.1\nHost: localhost\nX: "
                                    + "x".repeat(9000)
                                    + "\nConnection: close\n\n"));
            Files.writeString(dir.resolve("lessons/00-first/lesson.md"), "---\nid: [broken\n---\n");
            seen.put(500, RawHttp.get(port, "/lessons/first", "localhost"));
        }
        seen.forEach(
                (status, response) -> {
                    assertEquals(
                            status,
                            response.status(),
                            "expected " + status + ": " + response.body());
                    assertStrict("HTTP " + status, response);
                });
    }

    @Test
    void everyStatusOfARoomIsStrict() throws Exception {
        try (LabServer lab = TestLab.room()) {
            String host = "Host: lab.test:" + lab.port() + "\n";
            RawHttp.Response missing =
                    RawHttp.send(lab.port(), "GET / HTTP/1.1\n" + host + "Connection: close\n\n");
            assertEquals(401, missing.status());
            assertStrict("401", missing);
            RawHttp.Response wrong =
                    RawHttp.send(
                            lab.port(),
                            "GET /?token=nope HTTP/1.1\n" + host + "Connection: close\n\n");
            assertEquals(403, wrong.status());
            assertStrict("403", wrong);
            RawHttp.Response entering =
                    RawHttp.send(
                            lab.port(),
                            "GET /?token="
                                    + TestLab.ROOM_TOKEN
                                    + " HTTP/1.1\n"
                                    + host
                                    + "Connection: close\n\n");
            assertEquals(200, entering.status());
            assertStrict("entering", entering);
        }
    }
}
