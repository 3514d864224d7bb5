package dev.loopbacklab.net;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A tiny JSON API on loopback, built on {@link LoopbackHttp}: {@code GET /hello} answers {@code
 * {"message":"hello","you":"127.0.0.1:<your source port>"}}.
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
    private final LoopbackHttp http;
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

    private HelloApi(LoopbackHttp http) {
        this.http = http;
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
        Objects.requireNonNull(listener, "listener");
        LoopbackHttp http =
                LoopbackHttp.start(
                        target.address(),
                        port,
                        new Answer(),
                        (request, status) ->
                                listener.accept(
                                        new Request(
                                                request.method(),
                                                request.path(),
                                                request.host(),
                                                request.header("User-Agent"),
                                                request.client().getPort(),
                                                status)));
        return new HelloApi(http);
    }

    /** The routes: {@code GET /hello}, errors as JSON. */
    private static final class Answer implements LoopbackHttp.Handler {
        @Override
        public LoopbackHttp.Reply answer(LoopbackHttp.Request request) {
            if (!request.path().equals("/hello")) {
                return LoopbackHttp.Reply.json(404, "{\"error\":\"not found; try GET /hello\"}");
            }
            if (!request.method().equals("GET")) {
                return LoopbackHttp.Reply.json(405, "{\"error\":\"only GET\"}")
                        .with("Allow", "GET");
            }
            // Only an IP literal and digits go into the JSON, so no escaping is needed.
            return LoopbackHttp.Reply.json(
                    200,
                    "{\"message\":\"hello\",\"you\":\"" + Endpoint.of(request.client()) + "\"}");
        }

        @Override
        public LoopbackHttp.Reply refuse(String message) {
            return LoopbackHttp.Reply.json(403, "{\"error\":\"" + message + "\"}");
        }
    }

    /** The port the API listens on, as the OS assigned it. */
    public int port() {
        return http.port();
    }

    /** The address of {@code GET /hello}, such as {@code http://127.0.0.1:41234/hello}. */
    public String url() {
        return http.url("/hello");
    }

    /** Stops listening and closes open connections; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            http.close();
        }
    }

    @Override
    public String toString() {
        return "HelloApi[" + url() + (closed ? ", closed]" : "]");
    }
}
