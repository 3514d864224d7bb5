package dev.loopbacklab.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A small HTTP server on a loopback address, on the JDK's own {@code com.sun.net.httpserver}: the
 * one the lab's little servers (the JSON API, the metrics demo, the you-are-here check) are built
 * on. It answers only requests whose {@code Host} header names it ({@code 127.0.0.1:<port>}, {@code
 * [::1]:<port>} or {@code localhost:<port>}); anything else gets 403 before the handler sees it,
 * which is how a local server defeats DNS rebinding.
 *
 * <pre>{@code
 * try (var http = LoopbackHttp.start(IpLiteral.loopbackV4(), 0,
 *         request -> LoopbackHttp.Reply.text(200, "hi\n"), (request, status) -> {})) {
 *   System.out.println(http.url("/"));   // http://127.0.0.1:<port>/
 * }
 * }</pre>
 */
public final class LoopbackHttp implements AutoCloseable {
    private final HttpServer server;
    private final Endpoint endpoint;
    private boolean closed;

    /**
     * One request as the server saw it.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param path the path without the query, such as {@code /hello}
     * @param query the raw query, such as {@code expose=1}, or {@code ""} if there was none
     * @param host the Host header, or {@code ""} if there was none
     * @param client the client's end of the connection: its address and source port
     * @param server the server's end of the same connection
     * @param headers all request headers
     * @param receivedNanos {@link System#nanoTime()} when the request was read
     */
    public record Request(
            String method,
            String path,
            String query,
            String host,
            InetSocketAddress client,
            InetSocketAddress server,
            Headers headers,
            long receivedNanos) {
        /**
         * A request header.
         *
         * @param name such as {@code User-Agent}
         * @return its first value, or {@code ""} if it was not sent
         */
        public String header(String name) {
            String value = headers.getFirst(name);
            return value == null ? "" : value;
        }
    }

    /**
     * An answer: status, content type, body and extra headers. An empty body is sent with no body
     * at all, in one write.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type header
     * @param body the body's bytes
     * @param headers extra response headers
     */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        /** Keeps unchangeable copies. */
        public Reply {
            body = body.clone();
            headers = Map.copyOf(headers);
        }

        /**
         * A plain-text answer in UTF-8.
         *
         * @param status the HTTP status
         * @param body the text
         * @return the reply
         */
        public static Reply text(int status, String body) {
            return new Reply(
                    status,
                    "text/plain; charset=utf-8",
                    body.getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }

        /**
         * A JSON answer; the caller has written valid JSON.
         *
         * @param status the HTTP status
         * @param json the body
         * @return the reply
         */
        public static Reply json(int status, String json) {
            return new Reply(
                    status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /**
         * The same reply with one more header.
         *
         * @param name the header's name
         * @param value its value
         * @return a new reply
         */
        public Reply with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, more);
        }

        /**
         * The same reply with another content type.
         *
         * @param type the Content-Type header
         * @return a new reply
         */
        public Reply as(String type) {
            return new Reply(status, type, body, headers);
        }
    }

    /** Answers requests whose Host header has been checked already. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers one request.
         *
         * @param request the request, its Host already allowed
         * @return the answer
         * @throws IOException to drop the connection
         */
        Reply answer(Request request) throws IOException;

        /**
         * The answer to a request for another host (DNS rebinding); plain text unless overridden.
         *
         * @param message what the server answers, naming the hosts it accepts
         * @return a 403 reply
         */
        default Reply refuse(String message) {
            return Reply.text(403, message + "\n");
        }
    }

    private LoopbackHttp(
            HttpServer server, Handler handler, BiConsumer<Request, Integer> answered) {
        this.server = server;
        this.endpoint = Endpoint.of(server.getAddress());
        server.createContext("/", exchange -> serve(exchange, handler, answered));
        server.start();
    }

    /**
     * Starts a server on a loopback address; port 0 asks the OS for any free port.
     *
     * @param address a loopback address, such as {@link IpLiteral#loopbackV4()}
     * @param port the port, or 0
     * @param handler answers each allowed request
     * @param answered told of every request (refused ones too) with its status, after the answer is
     *     on its way, so one that closes the server cannot cut it off; keep it quick
     * @return the running server
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if the address is not loopback
     */
    public static LoopbackHttp start(
            InetAddress address, int port, Handler handler, BiConsumer<Request, Integer> answered)
            throws IOException {
        Loopback.require(address);
        Ports.requireValid(port);
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(answered, "answered");
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
        return new LoopbackHttp(server, handler, answered);
    }

    /**
     * Where it listens.
     *
     * @return such as {@code 127.0.0.1:41234}
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The port it listens on, as the OS assigned it.
     *
     * @return the port
     */
    public int port() {
        return endpoint.port();
    }

    /**
     * An address on this server.
     *
     * @param path starting with {@code /}
     * @return such as {@code http://127.0.0.1:41234/hello}
     */
    public String url(String path) {
        return endpoint.url(path);
    }

    /**
     * Tells whether a Host header names this server: its own address and port, or {@code localhost}
     * and its port, in any letter case. Anything else, a missing port included, is a request meant
     * for another host.
     *
     * @param host the Host header's value
     * @return true if the request may be answered
     */
    public boolean allows(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(endpoint.toString()) || name.equals("localhost:" + endpoint.port());
    }

    private void serve(
            HttpExchange exchange, Handler handler, BiConsumer<Request, Integer> answered)
            throws IOException {
        try (exchange) {
            Request request =
                    new Request(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""),
                            hostOf(exchange),
                            exchange.getRemoteAddress(),
                            exchange.getLocalAddress(),
                            exchange.getRequestHeaders(),
                            System.nanoTime());
            Reply reply =
                    allows(request.host())
                            ? handler.answer(request)
                            : handler.refuse(
                                    "this server only answers requests for "
                                            + endpoint
                                            + " or localhost:"
                                            + endpoint.port());
            send(exchange, reply);
            answered.accept(request, reply.status());
        }
    }

    /** The one Host header, or {@code ""}: two Host headers name no host (and are refused). */
    private static String hostOf(HttpExchange exchange) {
        java.util.List<String> hosts = exchange.getRequestHeaders().get("Host");
        return hosts == null || hosts.size() != 1 ? "" : hosts.get(0);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        reply.headers().forEach(headers::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
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
        return "LoopbackHttp[" + endpoint + (closed ? ", closed]" : "]");
    }
}
