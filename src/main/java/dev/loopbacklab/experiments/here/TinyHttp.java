package dev.loopbacklab.experiments.here;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.net.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The check's web server, on the JDK's own {@code com.sun.net.httpserver}: {@code GET /} answers
 * "hello from the check, your source port was N" and closes the connection, so that a second tab or
 * a second curl has to open a new one. Like the lab itself it answers only requests whose Host
 * header names it, which is how a local server defeats DNS rebinding.
 */
final class TinyHttp implements AutoCloseable {
    private final HttpServer server;
    private final String endpoint;
    private volatile boolean closed;

    /**
     * One request, as the server saw its connection.
     *
     * @param client the client's end: its address and source port
     * @param server the server's end of the same connection
     * @param method the HTTP method
     * @param path the path, without the query
     * @param host the Host header, or {@code ""}
     * @param status the status the server answered with
     */
    record Arrival(
            InetSocketAddress client,
            InetSocketAddress server,
            String method,
            String path,
            String host,
            int status) {
        int sourcePort() {
            return client.getPort();
        }

        String tuple() {
            return HereTopic.fourTuple(client, server);
        }
    }

    private TinyHttp(HttpServer server, Consumer<Arrival> listener) {
        this.server = server;
        this.endpoint = Endpoint.of(server.getAddress()).toString();
        server.createContext("/", exchange -> answer(exchange, listener));
        server.start();
    }

    /** Starts on {@code address}, port 0; {@code listener} hears of each request once answered. */
    static TinyHttp start(InetAddress address, Consumer<Arrival> listener) throws IOException {
        return new TinyHttp(HttpServer.create(new InetSocketAddress(address, 0), 16), listener);
    }

    /** Such as {@code 127.0.0.1:41234}. */
    String endpoint() {
        return endpoint;
    }

    /** Such as {@code http://127.0.0.1:41234/}. */
    String url() {
        return "http://" + endpoint + "/";
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, Consumer<Arrival> listener) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        host = host == null ? "" : host;
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int source = exchange.getRemoteAddress().getPort();
        int status;
        String body;
        if (!allowed(host)) {
            status = 403;
            body = "this server only answers requests for " + endpoint + " or localhost:" + port();
        } else if (!path.equals("/")) {
            status = 404;
            body = "not found; the check counts only " + url();
        } else if (!method.equals("GET")) {
            status = 405;
            body = "only GET";
            exchange.getResponseHeaders().set("Allow", "GET");
        } else {
            status = 200;
            body = "hello from the check, your source port was " + source;
        }
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        // A kept-alive connection would let a second tab reuse the first one's source port.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        // Told after the answer is on its way, so a listener that closes the server cannot cut it
        // off.
        listener.accept(
                new Arrival(
                        exchange.getRemoteAddress(),
                        exchange.getLocalAddress(),
                        method,
                        path,
                        host,
                        status));
    }

    private boolean allowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(endpoint) || name.equals("localhost:" + port());
    }

    /** Stops listening and closes open connections; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
