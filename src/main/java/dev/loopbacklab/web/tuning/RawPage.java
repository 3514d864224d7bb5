package dev.loopbacklab.web.tuning;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Sends a rendered page. A client that asks for no encoding gets the bytes written straight to
 * Jetty with their length, in one piece: Javalin's result path (the bytes as a stream, copied
 * through its compression wrapper, the length left for Jetty to work out) cost the lesson page a
 * good share of its throughput (bench/README.md). A client that accepts encodings (every browser)
 * goes through Javalin, which compresses. A {@code Content-Length} on that path broke the responses
 * Javalin gzips ("Insufficient content written"): keep the two apart.
 */
public final class RawPage {
    private RawPage() {}

    /** Sends {@code page} as {@code text/html; charset=utf-8}. */
    public static void send(Context ctx, byte[] page) throws IOException {
        send(ctx, "text/html; charset=utf-8", page);
    }

    /**
     * Sends {@code body} as {@code contentType}, the same way. Only for a final answer: nothing may
     * set a result after it (an error page for its status would be written after these bytes).
     */
    public static void send(Context ctx, String contentType, byte[] body) throws IOException {
        ctx.contentType(contentType);
        if (ctx.header("Accept-Encoding") != null) {
            ctx.result(body);
            return;
        }
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
    }
}
