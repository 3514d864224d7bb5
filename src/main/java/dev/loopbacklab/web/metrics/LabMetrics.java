package dev.loopbacklab.web.metrics;

import io.javalin.config.RequestLoggerConfig;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The lab's own request counts, by route family and status class, for {@code GET /metrics}.
 *
 * <p>Counting is a {@link LongAdder} increment per request, cheap on the request path. Micrometer
 * is not touched until the first scrape: {@link LabPrometheus} (and with it every Micrometer class)
 * is loaded then, so a lab nobody monitors starts and serves as fast as before.
 */
public final class LabMetrics {
    /** Route families, as the {@code family} label says them. */
    static final List<String> FAMILIES =
            List.of("index", "lesson", "asset", "api", "metrics", "other");

    /** Status classes, as the {@code status} label says them. */
    static final List<String> STATUSES = List.of("2xx", "3xx", "4xx", "5xx");

    private final LongAdder[][] requests = new LongAdder[FAMILIES.size()][STATUSES.size()];
    private final IntSupplier activeRuns;
    private volatile LabPrometheus prometheus;

    /** Counts requests, and reads the number of runs going from {@code activeRuns}. */
    public LabMetrics(IntSupplier activeRuns) {
        this.activeRuns = activeRuns;
        for (LongAdder[] family : requests) {
            for (int s = 0; s < family.length; s++) {
                family[s] = new LongAdder();
            }
        }
    }

    /**
     * Counts one answered request: called for every request Javalin answers, and by a handler that
     * answers ahead of it (the room's API for labs).
     */
    public void count(String path, int status) {
        // Jetty answers 1xx itself; a handler never sees one.
        int statusClass = Math.min(Math.max(status / 100, 2), 5) - 2;
        requests[family(path)][statusClass].increment();
    }

    /** How many requests of a family got a status of a class, such as ("lesson", "2xx"). */
    long requests(String family, String statusClass) {
        return requests[FAMILIES.indexOf(family)][STATUSES.indexOf(statusClass)].sum();
    }

    int activeRuns() {
        return activeRuns.getAsInt();
    }

    /**
     * Registers {@code GET /metrics} (other methods get 405) and the counting. Every request that
     * reaches Javalin is counted once, when its answer is written, guards' refusals included;
     * register it after the guards, so their refusals skip this route's handlers too.
     */
    public void register(RoutesConfig routes, RequestLoggerConfig requestLogger) {
        requestLogger.http((ctx, millis) -> count(ctx.path(), ctx.statusCode()));
        routes.before(
                "/metrics",
                ctx -> {
                    if (!ctx.method().name().equals("GET")) {
                        ctx.header("Allow", "GET")
                                .status(405)
                                .contentType("text/plain; charset=utf-8")
                                .result("/metrics is only read: GET.\n");
                        ctx.skipRemainingHandlers();
                    }
                });
        routes.get("/metrics", ctx -> ctx.contentType(LabPrometheus.CONTENT_TYPE).result(scrape()));
    }

    /** The metrics in Prometheus text format; the first call builds the Micrometer registry. */
    String scrape() {
        LabPrometheus view = prometheus;
        if (view == null) {
            synchronized (this) {
                view = prometheus;
                if (view == null) {
                    view = new LabPrometheus(this);
                    prometheus = view;
                }
            }
        }
        return view.scrape();
    }

    private static int family(String path) {
        if (path.equals("/")) {
            return 0;
        } else if (path.startsWith("/lessons/")) {
            return 1;
        } else if (path.startsWith("/assets/") || path.equals("/favicon.ico")) {
            return 2;
        } else if (path.startsWith("/api/")) {
            return 3;
        } else if (path.equals("/metrics")) {
            return 4;
        }
        return 5;
    }
}
