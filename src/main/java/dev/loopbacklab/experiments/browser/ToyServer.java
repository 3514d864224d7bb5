package dev.loopbacklab.experiments.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lesson's deliberately unguarded toy: on 127.0.0.1 only, for one run only, it answers any Host
 * header with a page showing its secret, as many local development servers did before
 * CVE-2025-24010. It is the one server in the lab without a Host allow-list, and it serves nothing
 * but a random secret made for this run.
 */
final class ToyServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final String secret;

    private ToyServer(HttpServer server, ExecutorService pool, String secret) {
        this.server = server;
        this.pool = pool;
        this.secret = secret;
    }

    static ToyServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(IpLiteral.loopbackV4(), 0), 50);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        ToyServer toy = new ToyServer(server, pool, HexFormat.of().formatHex(bytes));
        server.setExecutor(pool);
        server.createContext("/", toy::handle);
        server.start();
        return toy;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String secret() {
        return secret;
    }

    BlockingQueue<Arrival> arrivals() {
        return arrivals;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String html =
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Unguarded toy server</title></head><body>"
                            + "<h1>Unguarded toy server</h1><p>The toy's secret: <code id=\"secret\">"
                            + secret
                            + "</code></p><p>It answered a request whose Host header was "
                            + "<code>"
                            + escape(exchange.getRequestHeaders().getFirst("Host"))
                            + "</code>, without looking.</p></body></html>";
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
            if (path.equals("/favicon.ico")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            arrivals.add(
                    Arrival.of(
                            method,
                            path,
                            exchange.getRequestHeaders(),
                            path.equals("/favicon.ico") ? 404 : 200));
        }
    }

    private static String escape(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
