package dev.loopbacklab.experiments.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.net.LoopbackTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A small HTTP server on 127.0.0.1 that measures itself: {@code GET /work} answers {@code 204 No
 * Content}, and {@code GET /metrics} shows how many requests each route got and how long they took,
 * in Prometheus text format. Requests whose Host header does not name the server get 403 (DNS
 * rebinding), as in {@link dev.loopbacklab.net.HelloApi}.
 */
final class MetricsServer implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The counter of answered requests, as Prometheus names it. */
    static final String REQUESTS = "demo_requests_total";

    /** The latency histogram's bucket series, as Prometheus names it. */
    static final String BUCKETS = "demo_request_duration_seconds_bucket";

    /**
     * Upper bounds of the latency histogram's buckets: loopback answers take micro- to
     * milliseconds.
     */
    static final List<Duration> BOUNDS =
            List.of(
                    Duration.ofNanos(50_000),
                    Duration.ofNanos(100_000),
                    Duration.ofNanos(250_000),
                    Duration.ofNanos(500_000),
                    Duration.ofMillis(1),
                    Duration.ofMillis(5),
                    Duration.ofMillis(25),
                    Duration.ofMillis(100));

    /** Marks the lab's own requests, so a check can tell them from the learner's. */
    static final String SELF_HEADER = "X-Loopback-Lab-Self";

    /**
     * A {@code /metrics} request as the server saw it.
     *
     * @param sourcePort the client's end of the connection
     * @param userAgent the User-Agent header, or {@code ""}
     * @param host the Host header, or {@code ""}
     * @param status the status it was answered with
     * @param self whether the lab itself sent it
     */
    record Scrape(int sourcePort, String userAgent, String host, int status, boolean self) {}

    private final HttpServer server;
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String selfToken = UUID.randomUUID().toString();
    private final int port;
    private final Consumer<Scrape> listener;
    private boolean closed;

    private MetricsServer(HttpServer server, Consumer<Scrape> listener) {
        this.server = server;
        this.port = server.getAddress().getPort();
        this.listener = listener;
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * Starts on 127.0.0.1 and a port the OS picks; {@code listener} hears of every /metrics
     * request.
     */
    static MetricsServer start(Consumer<Scrape> listener) throws IOException {
        HttpServer server =
                HttpServer.create(LoopbackTarget.parse("127.0.0.1").socketAddress(0), 50);
        return new MetricsServer(server, listener);
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The header value that marks a request as the lab's own. */
    String selfToken() {
        return selfToken;
    }

    /** The latency timer of a route ({@code /work} or {@code /metrics}). */
    Timer timer(String route) {
        return Timer.builder("demo.request.duration")
                .description("time to answer a request")
                .tag("route", route)
                .serviceLevelObjectives(BOUNDS.toArray(Duration[]::new))
                .register(registry);
    }

    /** The request counter of a route. */
    Counter counter(String route) {
        return Counter.builder("demo.requests")
                .description("requests answered")
                .tag("route", route)
                .register(registry);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String host = header(exchange, "Host");
        int status;
        String body;
        String route = path.equals("/work") || path.equals("/metrics") ? path : "other";
        if (!allowed(host)) {
            status = 403;
            body =
                    "this server only answers requests for 127.0.0.1:"
                            + port
                            + " or localhost:"
                            + port
                            + "\n";
        } else if (route.equals("other")) {
            status = 404;
            body = "not found; try GET /work or GET /metrics\n";
        } else if (!exchange.getRequestMethod().equals("GET")) {
            status = 405;
            body = "only GET\n";
            exchange.getResponseHeaders().set("Allow", "GET");
        } else if (route.equals("/work")) {
            // No body, so the answer leaves in one write. A body is a second small write, which
            // Nagle's
            // algorithm holds until the client ACKs the first, and the client delays that ACK (~40
            // ms
            // on Linux): 40 ms per request on a kept-alive connection.
            status = 204;
            body = "";
        } else {
            status = 200;
            body = registry.scrape();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? CONTENT_TYPE : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        if (status < 300) {
            counter(route).increment();
            timer(route).record(Duration.ofNanos(System.nanoTime() - start));
        }
        if (route.equals("/metrics")) {
            listener.accept(
                    new Scrape(
                            exchange.getRemoteAddress().getPort(),
                            header(exchange, "User-Agent"),
                            host,
                            status,
                            selfToken.equals(header(exchange, SELF_HEADER))));
        }
    }

    private boolean allowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("127.0.0.1:" + port) || name.equals("localhost:" + port);
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    /** Stops listening; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            registry.close();
        }
    }
}
