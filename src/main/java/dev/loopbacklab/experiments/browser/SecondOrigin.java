package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.LoopbackHttp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;

/**
 * The lab's second origin: a small HTTP server on 127.0.0.1 and a port the OS picks, so that the
 * lesson page's {@code fetch()} calls are cross-origin. It keeps the lab's rules: loopback only,
 * the Host check of every {@link LoopbackHttp} (127.0.0.1 or localhost, with its port), and CORS
 * granted only to loopback origins, by name, never {@code *}. Every request, refused or not, is
 * handed to {@link #arrivals()}.
 *
 * <p>Routes: {@code /plain} (no CORS headers), {@code /cors} (GET and PUT readable by the asking
 * loopback origin, OPTIONS answered as a preflight allowing PUT and X-Lab), {@code /expose} (an
 * X-Lab-Secret header, exposed only with {@code ?expose=1}), {@code /cookie/set}, {@code
 * /cookie/echo} (credentialed), {@code /done}.
 */
final class SecondOrigin implements AutoCloseable {
    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):[0-9]{1,5}");

    /** What the /done route puts in the queue, so the run knows the page has finished. */
    static final Arrival DONE = new Arrival("DONE", "", "", "", "", "", "", "", 0);

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private LoopbackHttp http;

    private SecondOrigin() {}

    static SecondOrigin start() throws IOException {
        SecondOrigin origin = new SecondOrigin();
        origin.http =
                LoopbackHttp.start(IpLiteral.loopbackV4(), 0, origin::answer, origin::arrived);
        return origin;
    }

    int port() {
        return http.port();
    }

    BlockingQueue<Arrival> arrivals() {
        return arrivals;
    }

    /**
     * Every request, refused ones too, once answered; /done then tells the run the page is done.
     */
    private void arrived(LoopbackHttp.Request request, int status) {
        arrivals.add(Arrival.of(method(request), request.path(), request.headers(), status));
        if (request.path().equals("/done") && status == 200) {
            arrivals.add(DONE);
        }
    }

    private LoopbackHttp.Reply answer(LoopbackHttp.Request request) {
        String method = method(request);
        String origin = request.header("Origin");
        boolean allowed = LOOPBACK_ORIGIN.matcher(origin).matches();
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 200;
        String body;
        switch (request.path()) {
            case "/plain" -> body = "plain: no CORS headers";
            case "/cors" -> {
                grant(headers, allowed, origin);
                if (method.equals("OPTIONS")) {
                    if (allowed) {
                        headers.put("Access-Control-Allow-Methods", "PUT");
                        headers.put("Access-Control-Allow-Headers", "X-Lab");
                    }
                    status = 204;
                    body = "";
                } else {
                    body = "cors: readable by " + (allowed ? origin : "nobody");
                }
            }
            case "/expose" -> {
                grant(headers, allowed, origin);
                headers.put("X-Lab-Secret", "42");
                if ("expose=1".equals(request.query())) {
                    headers.put("Access-Control-Expose-Headers", "X-Lab-Secret");
                }
                body = "expose";
            }
            case "/cookie/set" -> {
                grantCredentials(headers, allowed, origin);
                headers.put(
                        "Set-Cookie", "lab_demo=from-port-" + port() + "; Path=/; SameSite=Lax");
                body = "cookie set";
            }
            case "/cookie/clear" -> {
                grantCredentials(headers, allowed, origin);
                headers.put("Set-Cookie", "lab_demo=; Path=/; Max-Age=0; SameSite=Lax");
                body = "cookie cleared";
            }
            case "/cookie/echo" -> {
                grantCredentials(headers, allowed, origin);
                String cookie = request.header("Cookie");
                body = cookie.isEmpty() ? "(no cookie)" : cookie;
            }
            case "/done" -> body = "bye";
            default -> {
                status = 404;
                body = "no such path";
            }
        }
        return reply(status, method.equals("HEAD") ? "" : body, headers);
    }

    private static String method(LoopbackHttp.Request request) {
        return request.method().toUpperCase(Locale.ROOT);
    }

    private static void grant(Map<String, String> headers, boolean allowed, String origin) {
        headers.put("Vary", "Origin");
        if (allowed) {
            headers.put("Access-Control-Allow-Origin", origin);
        }
    }

    private static void grantCredentials(
            Map<String, String> headers, boolean allowed, String origin) {
        grant(headers, allowed, origin);
        if (allowed) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
    }

    /** Plain text, never cached: each fetch of the lesson must reach the server. */
    private static LoopbackHttp.Reply reply(int status, String body, Map<String, String> headers) {
        LoopbackHttp.Reply reply =
                LoopbackHttp.Reply.text(status, body).with("Cache-Control", "no-store");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            reply = reply.with(header.getKey(), header.getValue());
        }
        return reply;
    }

    @Override
    public void close() {
        http.close();
    }
}
