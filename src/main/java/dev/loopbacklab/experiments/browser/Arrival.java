package dev.loopbacklab.experiments.browser;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * One request as it arrived at a server of this lesson, with the headers that show what the browser
 * did: its Origin, whether it was a preflight, whether it carried a cookie.
 */
record Arrival(
        String method,
        String path,
        String host,
        String origin,
        String fetchSite,
        String preflightMethod,
        String preflightHeaders,
        String cookie,
        int status) {

    static Arrival of(String method, String path, Headers headers, int status) {
        return new Arrival(
                method,
                path,
                value(headers, "Host"),
                value(headers, "Origin"),
                value(headers, "Sec-Fetch-Site"),
                value(headers, "Access-Control-Request-Method"),
                value(headers, "Access-Control-Request-Headers"),
                value(headers, "Cookie"),
                status);
    }

    private static String value(Headers headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return "";
        }
        String joined = String.join(", ", values);
        return joined.length() <= 120 ? joined : joined.substring(0, 117) + "…";
    }

    boolean isPreflight() {
        return method.equals("OPTIONS") && !preflightMethod.isEmpty();
    }

    /** What a learner reads first: "OPTIONS /cors (preflight for PUT, x-lab)". */
    String summary() {
        return method
                + " "
                + path
                + (isPreflight()
                        ? " (preflight for "
                                + preflightMethod
                                + (preflightHeaders.isEmpty() ? "" : ", " + preflightHeaders)
                                + ")"
                        : "");
    }

    /** Row cells, matching {@link #HEADERS}. */
    List<String> row() {
        return List.of(
                summary(),
                host,
                origin.isEmpty() ? "(none)" : origin,
                fetchSite.isEmpty() ? "(none)" : fetchSite,
                cookie.isEmpty() ? "(none)" : cookie,
                Integer.toString(status));
    }

    static final List<String> HEADERS =
            List.of("request", "Host", "Origin", "Sec-Fetch-Site", "Cookie", "answered");
}
