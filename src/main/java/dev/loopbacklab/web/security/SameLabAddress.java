package dev.loopbacklab.web.security;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a page moves on to after it took a secret from its own address (the room's {@code ?token=},
 * the notebook's {@code ?jshell=}): the same path and query without that secret, so it does not
 * stay in the address bar, history or a shared screen.
 */
public final class SameLabAddress {
    private SameLabAddress() {}

    /**
     * The path and query of this request without the parameter {@code name}; always a path on this
     * lab, so the page that moves on can never be turned into a link elsewhere ({@code
     * //evil.example}).
     */
    public static String without(Context ctx, String name) {
        String path = ctx.req().getRequestURI();
        if (path == null || !path.matches("/[A-Za-z0-9._~%/-]*") || path.startsWith("//")) {
            path = "/";
        }
        String query =
                ctx.queryString() == null
                        ? ""
                        : Arrays.stream(ctx.queryString().split("&"))
                                .filter(p -> !p.isEmpty() && !names(p, name))
                                .filter(p -> p.matches("[A-Za-z0-9._~%=+-]+"))
                                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    /**
     * True if the query parameter {@code pair} ({@code name=value}) is {@code name}, or may be: its
     * name is compared decoded, as the server reads it ({@code t%6fken} is {@code token}), and a
     * name that does not decode is dropped too.
     */
    private static boolean names(String pair, String name) {
        String encoded = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8).equals(name);
        } catch (IllegalArgumentException badEscape) {
            return true;
        }
    }
}
