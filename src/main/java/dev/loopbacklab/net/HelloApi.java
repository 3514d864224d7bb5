package dev.loopbacklab.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A tiny JSON API on loopback, built on the JDK's own {@code com.sun.net.httpserver}: {@code GET
 * /hello} answers {@code {"message":"hello","you":"127.0.0.1:<your source port>"}}.
 *
 * <p>It answers only requests whose {@code Host} header names it ({@code 127.0.0.1:<port>} or
 * {@code localhost:<port>}); anything else gets 403, which is how a local server defeats DNS
 * rebinding. Every request it sees is passed to an optional listener after it has been answered.
 *
 * <pre>{@code
 * try (var api = HelloApi.start("127.0.0.1", 0)) {
 *   System.out.println(api.url());   // http://127.0.0.1:<port>/hello
 * }
 * }</pre>
 */
public final class HelloApi implements AutoCloseable {
    private final HttpServer server;
    private final String address;
    private final int port;
    private volatile boolean closed;

    /**
     * One request as the API saw it.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param path the path without the query, such as {@code /hello}
     * @param host the Host header, or {@code ""} if there was none
     * @param userAgent the User-Agent header, or {@code ""} if there was none
     * @param sourcePort the client's port: its end of the TCP connection
     * @param status the status the API answered with
     */
    public record Request(
            String method,
            String path,
            String host,
            String userAgent,
            int sourcePort,
            int status) {}

    private HelloApi(HttpServer server, String address, Consumer<Request> listener) {
        this.server = server;
        this.address = address;
        this.port = server.getAddress().getPort();
        server.createContext("/", exchange -> answer(exchange, listener));
        server.start();
    }

    /**
     * Starts the API on a loopback address; port 0 asks the OS for any free port.
     *
     * @param host a loopback literal such as {@code 127.0.0.1}, checked by {@link LoopbackTarget}
     * @param port the port to listen on, or 0
     * @return the running API
     * @throws IOException if the port cannot be bound
     */
    public static HelloApi start(String host, int port) throws IOException {
        return start(host, port, request -> {});
    }

    /**
     * Starts the API and tells {@code listener} about every request, once it has been answered.
     *
     * @param host a loopback literal such as {@code 127.0.0.1}
     * @param port the port to listen on, or 0
     * @param listener called on the server's thread; keep it quick
     * @return the running API
     * @throws IOException if the port cannot be bound
     */
    public static HelloApi start(String host, int port, Consumer<Request> listener)
            throws IOException {
        LoopbackTarget target = LoopbackTarget.parse(host);
        Ports.requireValid(port);
        HttpServer server = HttpServer.create(target.socketAddress(port), 16);
        String address = Endpoint.bracketed(target.text());
        return new HelloApi(server, address, Objects.requireNonNull(listener, "listener"));
    }

    /** The port the API listens on, as the OS assigned it. */
    public int port() {
        return port;
    }

    /** The address of {@code GET /hello}, such as {@code http://127.0.0.1:41234/hello}. */
    public String url() {
        return "http://" + address + ":" + port + "/hello";
    }

    private void answer(HttpExchange exchange, Consumer<Request> listener) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String host = header(exchange, "Host");
        InetSocketAddress client = exchange.getRemoteAddress();
        int status;
        String body;
        if (!allowed(host)) {
            status = 403;
            body =
                    "{\"error\":\"this API only answers requests for "
                            + address
                            + ":"
                            + port
                            + " or localhost:"
                            + port
                            + "\"}";
        } else if (!path.equals("/hello")) {
            status = 404;
            body = "{\"error\":\"not found; try GET /hello\"}";
        } else if (!method.equals("GET")) {
            status = 405;
            body = "{\"error\":\"only GET\"}";
            exchange.getResponseHeaders().set("Allow", "GET");
        } else {
            status = 200;
            // Only an IP literal and digits go into the JSON, so no escaping is needed.
            body =
                    "{\"message\":\"hello\",\"you\":\""
                            + client.getAddress().getHostAddress()
                            + ":"
                            + client.getPort()
                            + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        // Told after the answer is on its way, so a listener that closes the API cannot cut it off.
        listener.accept(
                new Request(
                        method,
                        path,
                        host,
                        header(exchange, "User-Agent"),
                        client.getPort(),
                        status));
    }

    private boolean allowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(address + ":" + port) || name.equals("localhost:" + port);
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    /** Stops listening and closes open connections; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }

    @Override
    public String toString() {
        return "HelloApi[" + url() + (closed ? ", closed]" : "]");
    }
}
