package dev.loopbacklab.web.security;

import java.util.function.BiConsumer;

/** The headers every response carries, the lab's own and the ones Jetty writes for bad requests. */
public final class SecurityHeaders {
    /** The Content-Security-Policy of every response: nothing inline, nothing from elsewhere. */
    public static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; "
                    + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy of lesson pages whose script talks to the lab's own other origins (lesson 11's
     * second origin and toy server, the learner's server): the same, except that {@code fetch()}
     * may also reach loopback origins on any port, and 0.0.0.0, so that what the lesson measures is
     * the browser's own rule, not this policy's.
     */
    public static final String CSP_LOOPBACK_FETCH =
            CSP.replace(
                    "connect-src 'self'",
                    // No http://[::1]:* — CSP's host grammar has no IPv6 literals; Chromium
                    // rejects the whole source (a console error on every visit).
                    "connect-src 'self' http://127.0.0.1:* http://localhost:* http://*.localhost:*"
                            + " http://0.0.0.0:*");

    /** The lessons served with {@link #CSP_LOOPBACK_FETCH}. */
    public static final java.util.Set<String> LOOPBACK_FETCH_LESSONS =
            java.util.Set.of("browser-and-localhost");

    private SecurityHeaders() {}

    /** Hands each header name and value to {@code put}. */
    public static void apply(BiConsumer<String, String> put) {
        put.accept("Content-Security-Policy", CSP);
        put.accept("X-Content-Type-Options", "nosniff");
        put.accept("Referrer-Policy", "no-referrer");
        put.accept("X-Frame-Options", "DENY");
        put.accept("Cross-Origin-Resource-Policy", "same-origin");
    }
}
