package dev.loopbacklab.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private final List<MetricsServer.Scrape> scrapes = new CopyOnWriteArrayList<>();

    private RawHttp.Response get(MetricsServer server, String path, String extra) throws Exception {
        return RawHttp.send(
                server.port(),
                "GET "
                        + path
                        + " HTTP/1.1\nHost: localhost:"
                        + server.port()
                        + "\n"
                        + extra
                        + "Connection: close\n\n");
    }

    @Test
    void countsAnsweredWorkRequestsOnItsMetrics() throws Exception {
        try (MetricsServer server = MetricsServer.start(scrapes::add)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(204, get(server, "/work", "").status());
            }
            RawHttp.Response metrics = get(server, "/metrics", "");
            assertEquals(200, metrics.status());
            assertEquals(MetricsServer.CONTENT_TYPE, metrics.header("Content-Type"));
            assertTrue(
                    metrics.body().contains("demo_requests_total{route=\"/work\"} 3.0\n"),
                    metrics.body());
        }
    }

    @Test
    void tellsTheLabsOwnScrapesFromOthersByItsSecretToken() throws Exception {
        try (MetricsServer server = MetricsServer.start(scrapes::add)) {
            get(server, "/metrics", MetricsServer.SELF_HEADER + ": " + server.selfToken() + "\n");
            get(server, "/metrics", "User-Agent: Prometheus/3.0\n");
            waitFor(2);
            assertTrue(scrapes.get(0).self());
            assertFalse(scrapes.get(1).self());
            assertEquals("Prometheus/3.0", scrapes.get(1).userAgent());
        }
    }

    @Test
    void refusesForeignHostsOtherMethodsAndOtherPaths() throws Exception {
        try (MetricsServer server = MetricsServer.start(scrapes::add)) {
            int port = server.port();
            assertEquals(403, RawHttp.get(port, "/metrics", "evil.example:" + port).status());
            RawHttp.Response post =
                    RawHttp.send(
                            port,
                            "POST /metrics HTTP/1.1\nHost: 127.0.0.1:"
                                    + port
                                    + "\nContent-Length: 0\nConnection: close\n\n");
            assertEquals(405, post.status());
            assertEquals("GET", post.header("Allow"));
            assertEquals(404, RawHttp.get(port, "/", "127.0.0.1:" + port).status());
            assertFalse(get(server, "/metrics", "").body().contains("route=\"other\""));
        }
    }

    private void waitFor(int count) {
        Wait.until(count + " scrapes", () -> scrapes.size() >= count);
        assertEquals(count, scrapes.size(), scrapes.toString());
    }
}
