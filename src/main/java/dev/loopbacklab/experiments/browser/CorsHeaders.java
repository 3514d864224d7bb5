package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.net.IpLiteral;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CORS headers a server sends back to a GET carrying a given Origin, read over a plain socket
 * on 127.0.0.1 so that the check sets exactly the headers a browser would.
 *
 * @param status the HTTP status code
 * @param allowOrigin every Access-Control-Allow-Origin value (a browser needs exactly one)
 * @param allowCredentials the Access-Control-Allow-Credentials value, or empty
 * @param vary the Vary value, or empty
 */
record CorsHeaders(int status, List<String> allowOrigin, String allowCredentials, String vary) {
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_HEAD = 16 * 1024;

    static CorsHeaders fetch(int port, String origin) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(IpLiteral.loopbackV4(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + port
                                    + "\r\nOrigin: "
                                    + origin
                                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(head(socket.getInputStream()));
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while (bytes.size() < MAX_HEAD && (b = in.read()) != -1) {
            bytes.write(b);
            // the head ends at an empty line: CRLF CRLF, or LF LF from a lenient server
            state = b == '\n' ? (state == 1 ? 2 : 1) : (b == '\r' ? state : 0);
            if (state == 2) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    static CorsHeaders parse(String head) throws IOException {
        String[] lines = head.split("\r?\n");
        String[] statusLine = lines[0].split(" ");
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("the answer is not HTTP: " + lines[0]);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the answer has no status code: " + lines[0], e);
        }
        List<String> allowOrigin = new ArrayList<>();
        String credentials = "";
        String vary = "";
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "access-control-allow-origin" -> allowOrigin.add(value);
                case "access-control-allow-credentials" -> credentials = value;
                case "vary" -> vary = vary.isEmpty() ? value : vary + ", " + value;
                default -> {}
            }
        }
        return new CorsHeaders(status, allowOrigin, credentials, vary);
    }

    boolean credentials() {
        return allowCredentials.equals("true");
    }
}
