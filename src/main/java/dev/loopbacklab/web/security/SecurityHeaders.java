package dev.loopbacklab.web.security;

import java.util.function.BiConsumer;

/** The headers every response carries, the lab's own and the ones Jetty writes for bad requests. */
public final class SecurityHeaders {
    /** The Content-Security-Policy of every response: nothing inline, nothing from elsewhere. */
    public static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; "
                    + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'";

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
