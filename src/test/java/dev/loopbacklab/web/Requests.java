package dev.loopbacklab.web;

import dev.loopbacklab.testing.Garbage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Makes the malformed requests of {@link MalformedRequestFuzzTest}: near misses of real ones. */
final class Requests {
    private static final List<String> EXPERIMENTS =
            List.of(
                    "test-count",
                    "test-judge",
                    "test-boom",
                    "test-hold",
                    "test-wait",
                    "no-such",
                    "");
    private static final List<String> PARAMS = List.of("count", "pass", "host", "port", "x", "");
    private static final List<String> TYPES =
            List.of(
                    "application/json",
                    "application/json; charset=utf-8",
                    "text/plain",
                    "application/JSON",
                    "application/jsonx",
                    "",
                    "multipart/form-data; boundary=x");

    private final Garbage garbage;
    private final int port;

    Requests(Garbage garbage, int port) {
        this.garbage = garbage;
        this.port = port;
    }

    byte[] next() {
        int kind = garbage.random().nextInt(10);
        String text =
                switch (kind) {
                    case 0, 1, 2, 3 -> post("/api/runs", json());
                    case 4 -> post("/api/runs/" + garbage.text(30) + "/cancel", json());
                    case 5 ->
                            get(
                                    "/api/runs/" + garbage.text(40) + "/events",
                                    "Accept: text/event-stream\r\n");
                    case 6 ->
                            get(
                                    garbage.pick(
                                                    List.of(
                                                            "/lessons/",
                                                            "/assets/",
                                                            "/",
                                                            "/api/",
                                                            "/favicon.ico"))
                                            + garbage.text(60),
                                    "");
                    case 7 -> garbage.mutate(post("/api/runs", "{\"experiment\":\"test-judge\"}"));
                    case 8 -> garbage.mutate(get("/lessons/first?token=" + garbage.text(10), ""));
                    default -> garbage.text(300) + "\r\n\r\n";
                };
        return text.getBytes(
                garbage.random().nextBoolean()
                        ? StandardCharsets.UTF_8
                        : StandardCharsets.ISO_8859_1);
    }

    private String host() {
        return garbage.random().nextInt(5) == 0 ? garbage.text(30) : "127.0.0.1:" + port;
    }

    private String json() {
        StringBuilder params = new StringBuilder("{");
        int n = garbage.random().nextInt(4);
        for (int i = 0; i < n; i++) {
            String value =
                    switch (garbage.random().nextInt(5)) {
                        case 0 ->
                                "\""
                                        + garbage.text(40)
                                                .replace("\\", "\\\\")
                                                .replace("\"", "\\\"")
                                        + "\"";
                        case 1 -> Long.toString(garbage.random().nextLong());
                        case 2 -> "{\"a\":[1,2,{}]}";
                        case 3 -> garbage.random().nextBoolean() ? "true" : "null";
                        default ->
                                "\""
                                        + garbage.pick(
                                                List.of(
                                                        "127.0.0.1",
                                                        "10.0.0.1",
                                                        "::1",
                                                        "0",
                                                        "65536",
                                                        "1000001",
                                                        "\u0661",
                                                        "localhost.",
                                                        "[::1]"))
                                        + "\"";
                    };
            params.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(garbage.pick(PARAMS))
                    .append("\":")
                    .append(value);
        }
        String valid =
                "{\"experiment\":\"" + garbage.pick(EXPERIMENTS) + "\",\"params\":" + params + "}}";
        return garbage.random().nextInt(3) == 0 ? garbage.mutate(valid) : valid;
    }

    private String post(String path, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String contentLength =
                switch (garbage.random().nextInt(8)) {
                    case 0 ->
                            "Content-Length: " + (length + garbage.random().nextInt(100)) + "\r\n";
                    case 1 -> "Content-Length: " + garbage.text(8) + "\r\n";
                    case 2 -> "";
                    default -> "Content-Length: " + length + "\r\n";
                };
        String origin =
                switch (garbage.random().nextInt(6)) {
                    case 0 -> "Origin: " + garbage.text(30) + "\r\n";
                    case 1 -> "Sec-Fetch-Site: " + garbage.text(12) + "\r\n";
                    case 2 -> "Origin: http://127.0.0.1:" + port + "\r\n";
                    default -> "";
                };
        return "POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host()
                + "\r\nContent-Type: "
                + garbage.pick(TYPES)
                + "\r\n"
                + contentLength
                + origin
                + header()
                + "Connection: close"
                + "\r\n\r\n"
                + body;
    }

    private String get(String path, String extra) {
        return "GET "
                + path
                + " HTTP/1.1\r\nHost: "
                + host()
                + "\r\n"
                + extra
                + header()
                + "Connection: close\r\n\r\n";
    }

    private String header() {
        return garbage.random().nextInt(4) == 0
                ? garbage.pick(
                                List.of(
                                        "X-",
                                        "Cookie: ",
                                        "X-Forwarded-Host: ",
                                        "Range: ",
                                        "Accept: "))
                        + garbage.text(100)
                        + "\r\n"
                : "";
    }
}
