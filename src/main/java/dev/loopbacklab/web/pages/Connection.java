package dev.loopbacklab.web.pages;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortCategory;
import dev.loopbacklab.web.tuning.RecentCache;
import dev.loopbacklab.web.tuning.Refreshed;
import dev.loopbacklab.web.view.ConnectionFacts;
import dev.loopbacklab.web.view.Models.ConnectionFact;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Facts about the TCP connection that carried the current request: its 4-tuple, classified. */
final class Connection {
    // Speed (web.tuning): the OS's range is read at most once a second, and the rendered block is
    // kept for recently seen facts, which a browser's reloads on a kept-alive connection repeat.
    private static final Refreshed<EphemeralRange> RANGE =
            Refreshed.every(Duration.ofSeconds(1), EphemeralRange::detect);
    private static final RecentCache<List<ConnectionFact>, byte[]> RENDERED =
            new RecentCache<>(256);

    private Connection() {}

    /** The live block for this request's connection, rendered as UTF-8 HTML. */
    static byte[] renderedFacts(Context ctx) {
        return RENDERED.get(
                facts(ctx),
                facts -> ConnectionFacts.render(facts).getBytes(StandardCharsets.UTF_8));
    }

    static List<ConnectionFact> facts(Context ctx) {
        var request = ctx.req();
        EphemeralRange range = RANGE.get();
        int serverPort = request.getLocalPort();
        int clientPort = request.getRemotePort();
        return List.of(
                new ConnectionFact(
                        "Server address (this lab)", request.getLocalAddr(), "a loopback address"),
                new ConnectionFact(
                        "Server port", Integer.toString(serverPort), describe(serverPort, range)),
                new ConnectionFact("Browser address", request.getRemoteAddr(), "the same machine"),
                new ConnectionFact(
                        "Browser source port",
                        Integer.toString(clientPort),
                        describe(clientPort, range)
                                + "; picked by your OS for this connection, not a service"),
                new ConnectionFact(
                        "The 4-tuple",
                        request.getRemoteAddr()
                                + ":"
                                + clientPort
                                + " → "
                                + request.getLocalAddr()
                                + ":"
                                + serverPort,
                        "unique among this machine's TCP connections"));
    }

    private static String describe(int port, EphemeralRange range) {
        String category = PortCategory.of(port).label();
        return "IANA " + category + "; " + range.describe(port);
    }
}
