package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /**
     * Asks the server on 127.0.0.1:{@code port} as {@code origin} would, waiting {@code
     * TIMEOUT_MILLIS} at most and never past {@code deadline}, and reading at most {@code MAX_HEAD}
     * bytes of its answer.
     *
     * @throws SocketTimeoutException if the head did not arrive in time
     */
    static CorsHeaders fetch(int port, String origin, Deadline deadline) throws IOException {
        Deadline step = deadline.within(Duration.ofMillis(TIMEOUT_MILLIS));
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(IpLiteral.loopbackV4(), port), step.millis());
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + port
                                    + "\r\nOrigin: "
                                    + origin
                                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the head ends at an empty line: CRLF CRLF, or LF LF from a lenient server
            CappedRead.Result head =
                    CappedRead.until(socket, MAX_HEAD, step, "\r\n\r\n", "\n\n", "\n\r\n");
            if (head.ending() == CappedRead.Ending.TIMED_OUT) {
                throw new SocketTimeoutException(
                        "no complete answer within "
                                + Numbers.whole((System.nanoTime() - start) / 1_000_000)
                                + " ms: "
                                + Numbers.whole(head.length())
                                + " bytes of its headers came");
            }
            return parse(head.text(StandardCharsets.ISO_8859_1));
        }
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
