package dev.loopbacklab.web.pages;

import io.javalin.http.Context;
import j2html.utils.EscapeUtil;
import java.nio.charset.StandardCharsets;

/**
 * The address a request reached the lab at, as the learner's address bar shows it: the Host
 * header's host (already held to the allowed names by the Host guard) and the port the connection
 * really arrived on. Lesson 00's title names it, so the page is true on any port and by any address
 * a room uses.
 */
final class Address {
    private Address() {}

    /** The address of {@code ctx}'s request, HTML-escaped, as UTF-8. */
    static byte[] of(Context ctx) {
        return html(ctx.header("Host"), ctx.req().getLocalPort()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@link #text} escaped for HTML. The Host guard has let only allowed names through, but a
     * request header goes into the page, so it is escaped all the same (SECURITY.md).
     */
    static String html(String hostHeader, int localPort) {
        return EscapeUtil.escape(text(hostHeader, localPort));
    }

    /**
     * {@code host:port} from a Host header and the port the connection arrived on; the header's own
     * port, if any, is dropped (a browser leaves out :80, and the connection's port is the truth).
     */
    static String text(String hostHeader, int localPort) {
        String host = hostHeader == null ? "" : hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end > 0 ? host.substring(0, end + 1) : host;
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty()) {
            host = "127.0.0.1"; // HTTP/1.0 without Host: the lab listens on loopback
        }
        return host + ":" + localPort;
    }
}
