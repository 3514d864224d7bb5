package dev.loopbacklab.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends hand-written HTTP/1.1 requests to a port on 127.0.0.1, so tests can set any Host, Origin or
 * malformed header (java.net.http refuses to). Always loopback, always with timeouts.
 */
public final class RawHttp {
    private RawHttp() {}

    /** A parsed response. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends {@code request} (CRLF line ends are added to bare LFs) and reads the whole response.
     */
    public static Response send(int port, String request) throws IOException {
        return send(port, request, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #send(int, String)}, with the body decoded as {@code charset}: ISO-8859-1 keeps
     * every byte as one char, for a binary (e.g. gzipped) body.
     */
    public static Response send(int port, String request, Charset charset) throws IOException {
        try (Socket socket = sent(port, request)) {
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()), charset);
        }
    }

    /** What a learner's own client sent from, and the raw reply it read. */
    public record Exchange(int sourcePort, String reply) {}

    /**
     * Sends {@code request} as a learner's client would (curl, a browser tab): CRLF line ends are
     * added to bare LFs, the connection stays open for writing, and the reply is read until the
     * server closes it.
     */
    public static Exchange exchange(int port, String request) throws IOException {
        try (Socket socket = sent(port, request)) {
            return new Exchange(
                    socket.getLocalPort(),
                    new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8));
        }
    }

    /**
     * What {@code curl http://127.0.0.1:PORT/PATH} sends, with {@code userAgent} as its User-Agent:
     * a GET with the real Host, asking the server to close.
     */
    public static Exchange curl(int port, String path, String userAgent) throws IOException {
        return exchange(
                port,
                "GET "
                        + path
                        + " HTTP/1.1\nHost: 127.0.0.1:"
                        + port
                        + "\nUser-Agent: "
                        + userAgent
                        + "\nConnection: close\n\n");
    }

    /** A GET with the given Host header and {@code Connection: close}. */
    public static Response get(int port, String path, String host) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1\nHost: " + host + "\nConnection: close\n\n");
    }

    /** A JSON POST with extra header lines (each "Name: value\n"). */
    public static Response postJson(int port, String path, String extraHeaders, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(
                port,
                "POST "
                        + path
                        + " HTTP/1.1\nHost: 127.0.0.1:"
                        + port
                        + "\n"
                        + extraHeaders
                        + "Content-Type: application/json\nContent-Length: "
                        + body.length
                        + "\nConnection: close\n\n"
                        + json);
    }

    /** A connection to 127.0.0.1:{@code port} that has sent {@code request}, with timeouts. */
    private static Socket sent(int port, String request) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(30_000);
            String wire = request.replace("\r\n", "\n").replace("\n", "\r\n");
            socket.getOutputStream().write(wire.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static Response parse(byte[] raw) {
        return parse(raw, StandardCharsets.UTF_8);
    }

    static Response parse(byte[] raw, Charset charset) {
        String text = new String(raw, charset);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int lineEnd = body.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
