package dev.loopbacklab.experiments.browser;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;

/**
 * The lab's second origin: a small HTTP server on 127.0.0.1 and a port the OS picks, so that the
 * lesson page's {@code fetch()} calls are cross-origin. It keeps the lab's rules: loopback only, a
 * Host allow-list (localhost, 127.0.0.1, [::1]), and CORS granted only to loopback origins, by
 * name, never {@code *}. Every request, refused or not, is handed to {@link #arrivals()}.
 *
 * <p>Routes: {@code /plain} (no CORS headers), {@code /cors} (GET and PUT readable by the asking
 * loopback origin, OPTIONS answered as a preflight allowing PUT and X-Lab), {@code /expose} (an
 * X-Lab-Secret header, exposed only with {@code ?expose=1}), {@code /cookie/set}, {@code
 * /cookie/echo} (credentialed), {@code /done}.
 */
final class SecondOrigin implements AutoCloseable {
    private static final Pattern HOST =
            Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?");
    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):[0-9]{1,5}");

    /** What the /done route puts in the queue, so the run knows the page has finished. */
    static final Arrival DONE = new Arrival("DONE", "", "", "", "", "", "", "", 0);

    private final HttpServer server;
    private final ExecutorService pool;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

    private SecondOrigin(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static SecondOrigin start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(IpLiteral.loopbackV4(), 0), 50);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        SecondOrigin origin = new SecondOrigin(server, pool);
        server.setExecutor(pool);
        server.createContext("/", origin::handle);
        server.start();
        return origin;
    }

    int port() {
        return server.getAddress().getPort();
    }

    BlockingQueue<Arrival> arrivals() {
        return arrivals;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers in = exchange.getRequestHeaders();
            Headers out = exchange.getResponseHeaders();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            List<String> hosts = in.get("Host");
            if (hosts == null || hosts.size() != 1 || !HOST.matcher(hosts.get(0)).matches()) {
                send(exchange, 403, "This server only answers requests addressed to localhost.");
                arrivals.add(Arrival.of(method, path, in, 403));
                return;
            }
            String origin = in.getFirst("Origin");
            boolean allowed = origin != null && LOOPBACK_ORIGIN.matcher(origin).matches();
            int status = 200;
            String body;
            switch (path) {
                case "/plain" -> body = "plain: no CORS headers";
                case "/cors" -> {
                    grant(out, allowed, origin);
                    if (method.equals("OPTIONS")) {
                        if (allowed) {
                            out.set("Access-Control-Allow-Methods", "PUT");
                            out.set("Access-Control-Allow-Headers", "X-Lab");
                        }
                        status = 204;
                        body = "";
                    } else {
                        body = "cors: readable by " + (allowed ? origin : "nobody");
                    }
                }
                case "/expose" -> {
                    grant(out, allowed, origin);
                    out.set("X-Lab-Secret", "42");
                    if ("expose=1".equals(query)) {
                        out.set("Access-Control-Expose-Headers", "X-Lab-Secret");
                    }
                    body = "expose";
                }
                case "/cookie/set" -> {
                    grantCredentials(out, allowed, origin);
                    out.add(
                            "Set-Cookie",
                            "lab_demo=from-port-" + port() + "; Path=/; SameSite=Lax");
                    body = "cookie set";
                }
                case "/cookie/clear" -> {
                    grantCredentials(out, allowed, origin);
                    out.add("Set-Cookie", "lab_demo=; Path=/; Max-Age=0; SameSite=Lax");
                    body = "cookie cleared";
                }
                case "/cookie/echo" -> {
                    grantCredentials(out, allowed, origin);
                    String cookie = in.getFirst("Cookie");
                    body = cookie == null ? "(no cookie)" : cookie;
                }
                case "/done" -> {
                    body = "bye";
                    arrivals.add(Arrival.of(method, path, in, 200));
                    arrivals.add(DONE);
                    send(exchange, 200, body);
                    return;
                }
                default -> {
                    status = 404;
                    body = "no such path";
                }
            }
            send(exchange, status, body);
            arrivals.add(Arrival.of(method, path, in, status));
        }
    }

    private static void grant(Headers out, boolean allowed, String origin) {
        out.set("Vary", "Origin");
        if (allowed) {
            out.set("Access-Control-Allow-Origin", origin);
        }
    }

    private static void grantCredentials(Headers out, boolean allowed, String origin) {
        grant(out, allowed, origin);
        if (allowed) {
            out.set("Access-Control-Allow-Credentials", "true");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (status == 204 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
