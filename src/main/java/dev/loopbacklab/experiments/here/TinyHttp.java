package dev.loopbacklab.experiments.here;

import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.LoopbackHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The check's web server, a {@link LoopbackHttp}: {@code GET /} answers "hello from the check, your
 * source port was N" and closes the connection, so that a second tab or a second curl has to open a
 * new one. Like the lab itself it answers only requests whose Host header names it, which is how a
 * local server defeats DNS rebinding.
 */
final class TinyHttp implements AutoCloseable {
    private final LoopbackHttp http;
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

    private TinyHttp(LoopbackHttp http) {
        this.http = http;
    }

    /** Starts on {@code address}, port 0; {@code listener} hears of each request once answered. */
    static TinyHttp start(InetAddress address, Consumer<Arrival> listener) throws IOException {
        LoopbackHttp http =
                LoopbackHttp.start(
                        address,
                        0,
                        TinyHttp::answer,
                        (request, status) ->
                                listener.accept(
                                        new Arrival(
                                                request.client(),
                                                request.server(),
                                                request.method(),
                                                request.path(),
                                                request.host(),
                                                status)));
        return new TinyHttp(http);
    }

    /** Such as {@code 127.0.0.1:41234}. */
    String endpoint() {
        return http.endpoint().toString();
    }

    /** Such as {@code http://127.0.0.1:41234/}. */
    String url() {
        return http.url("/");
    }

    int port() {
        return http.port();
    }

    private static LoopbackHttp.Reply answer(LoopbackHttp.Request request) {
        LoopbackHttp.Reply reply;
        if (!request.path().equals("/")) {
            reply =
                    LoopbackHttp.Reply.text(
                            404,
                            "not found; the check counts only "
                                    + Endpoint.of(request.server()).url("/")
                                    + "\n");
        } else if (!request.method().equals("GET")) {
            reply = LoopbackHttp.Reply.text(405, "only GET\n").with("Allow", "GET");
        } else {
            reply =
                    LoopbackHttp.Reply.text(
                            200,
                            "hello from the check, your source port was "
                                    + request.client().getPort()
                                    + "\n");
        }
        // A kept-alive connection would let a second tab reuse the first one's source port.
        return reply.with("Connection", "close");
    }

    /** Stops listening and closes open connections; the port is free again. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            http.close();
        }
    }
}
