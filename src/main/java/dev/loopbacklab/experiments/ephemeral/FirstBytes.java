package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reads what a learner's tool sends first and, if it is an HTTP request, answers with a short
 * plain-text page so that curl and browsers show something instead of an error.
 */
final class FirstBytes {
    private static final Pattern HTTP_REQUEST =
            Pattern.compile("^[A-Z]{3,7} \\S+ HTTP/1\\.[01]\r?\n");
    private static final int WAIT_MILLIS = 2_000;
    private static final int MAX_SHOWN = 60;

    private FirstBytes() {}

    /**
     * Describes the first bytes the peer sent (or that it sent none) and replies to HTTP; waits
     * {@code WAIT_MILLIS} for them at most, never past {@code deadline}, and reads one buffer.
     */
    static String readAndReply(Socket connection, String body, Deadline deadline)
            throws IOException {
        Deadline step = deadline.within(Duration.ofMillis(WAIT_MILLIS));
        connection.setSoTimeout(step.millis());
        byte[] buffer = new byte[2048];
        int n;
        InputStream in = connection.getInputStream();
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return "nothing within " + Numbers.waited(WAIT_MILLIS);
        }
        if (n <= 0) {
            return "nothing: it closed the connection";
        }
        String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        if (HTTP_REQUEST.matcher(text).find()) {
            reply(connection.getOutputStream(), body);
        }
        return n + " bytes, starting \"" + printable(text.lines().findFirst().orElse("")) + "\"";
    }

    private static void reply(OutputStream out, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.0 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Length: "
                        + content.length
                        + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
    }

    /** Keeps printable ASCII only, so odd bytes cannot mangle a page or terminal. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars()
                .limit(MAX_SHOWN)
                .forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return text.length() > MAX_SHOWN ? shown + "…" : shown.toString();
    }
}
