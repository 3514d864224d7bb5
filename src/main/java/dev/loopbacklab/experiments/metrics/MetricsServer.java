package dev.loopbacklab.experiments.metrics;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.LoopbackHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A small HTTP server on 127.0.0.1 that measures itself: {@code GET /work} answers {@code 204 No
 * Content}, and {@code GET /metrics} shows how many requests each route got and how long they took,
 * in Prometheus text format. Requests whose Host header does not name the server get 403 (DNS
 * rebinding), as every {@link LoopbackHttp} does.
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

    private final LoopbackHttp http;
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String selfToken = UUID.randomUUID().toString();
    private final Consumer<Scrape> listener;
    private boolean closed;

    private MetricsServer(Consumer<Scrape> listener) throws IOException {
        this.listener = listener;
        this.http = LoopbackHttp.start(IpLiteral.loopbackV4(), 0, this::answer, this::answered);
    }

    /**
     * Starts on 127.0.0.1 and a port the OS picks; {@code listener} hears of every /metrics
     * request.
     */
    static MetricsServer start(Consumer<Scrape> listener) throws IOException {
        return new MetricsServer(listener);
    }

    int port() {
        return http.port();
    }

    String url(String path) {
        return http.url(path);
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

    private static String route(LoopbackHttp.Request request) {
        String path = request.path();
        return path.equals("/work") || path.equals("/metrics") ? path : "other";
    }

    private LoopbackHttp.Reply answer(LoopbackHttp.Request request) {
        String route = route(request);
        if (route.equals("other")) {
            return LoopbackHttp.Reply.text(404, "not found; try GET /work or GET /metrics\n");
        }
        if (!request.method().equals("GET")) {
            return LoopbackHttp.Reply.text(405, "only GET\n").with("Allow", "GET");
        }
        if (route.equals("/work")) {
            // No body, so the answer leaves in one write. A body is a second small write, which
            // Nagle's algorithm holds until the client ACKs the first, and the client delays that
            // ACK (~40 ms on Linux): 40 ms per request on a kept-alive connection.
            return LoopbackHttp.Reply.text(204, "");
        }
        return LoopbackHttp.Reply.text(200, registry.scrape()).as(CONTENT_TYPE);
    }

    private void answered(LoopbackHttp.Request request, int status) {
        String route = route(request);
        if (status < 300) {
            counter(route).increment();
            timer(route).record(Duration.ofNanos(System.nanoTime() - request.receivedNanos()));
        }
        if (route.equals("/metrics")) {
            listener.accept(
                    new Scrape(
                            request.client().getPort(),
                            request.header("User-Agent"),
                            request.host(),
                            status,
                            selfToken.equals(request.header(SELF_HEADER))));
        }
    }

    /** Stops listening; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            http.close();
            registry.close();
        }
    }
}
