package dev.loopbacklab.web;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortCategory;
import dev.loopbacklab.web.view.ConnectionFacts;
import dev.loopbacklab.web.view.Models.ConnectionFact;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Facts about the TCP connection that carried the current request: its 4-tuple, classified. */
final class Connection {
    // The range is re-read from the OS at most once a second: reading /proc on every request cost
    // the lesson page a large share of its throughput (bench/README.md), and a sysctl change still
    // shows on the next reload.
    private static final long RANGE_MAX_AGE_NANOS = 1_000_000_000L;
    private static volatile Timed<EphemeralRange> range;

    private record Timed<T>(T value, long readAtNanos) {}

    // The rendered block, as UTF-8, for recently seen facts: a browser's reloads on a kept-alive
    // connection have the very same facts, and rendering them with j2html and encoding the result
    // was a fifth of the lesson page's cost (bench/README.md). Bounded: cleared when full.
    private static final int RENDERED_MAX = 256;
    private static final Map<List<ConnectionFact>, byte[]> RENDERED = new ConcurrentHashMap<>();

    private Connection() {}

    static EphemeralRange ephemeralRange() {
        Timed<EphemeralRange> known = range;
        long now = System.nanoTime();
        if (known == null || now - known.readAtNanos() > RANGE_MAX_AGE_NANOS) {
            known = new Timed<>(EphemeralRange.detect(), now);
            range = known;
        }
        return known.value();
    }

    /** The live block for this request's connection, rendered as UTF-8 HTML. */
    static byte[] renderedFacts(Context ctx) {
        List<ConnectionFact> facts = facts(ctx);
        byte[] html = RENDERED.get(facts);
        if (html == null) {
            if (RENDERED.size() >= RENDERED_MAX) {
                RENDERED.clear();
            }
            html = ConnectionFacts.render(facts).getBytes(StandardCharsets.UTF_8);
            RENDERED.put(facts, html);
        }
        return html;
    }

    static List<ConnectionFact> facts(Context ctx) {
        var request = ctx.req();
        EphemeralRange range = ephemeralRange();
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
