package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends hand-written HTTP/1.1 text over a plain socket to 127.0.0.1. A browser or the JDK's
 * HttpClient would not let us write {@code Host: evil.example} ourselves; a socket does, which is
 * exactly what a DNS-rebinding page gets its browser to send.
 */
final class RawHttp {
    private static final int MAX_ANSWER = 256 * 1024;
    private static final int TIMEOUT_MILLIS = 5000;

    private RawHttp() {}

    /**
     * What the server said.
     *
     * @param statusLine the first line, e.g. {@code HTTP/1.1 403 Forbidden}
     * @param body the bytes after the header block, as text (the lab sends short plain-text
     *     refusals)
     */
    record Answer(String statusLine, String body) {
        /** The status code, or -1 if the first line is not an HTTP status line. */
        int status() {
            String[] parts = statusLine.split(" ", 3);
            return parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("[0-9]{3}")
                    ? Integer.parseInt(parts[1])
                    : -1;
        }

        /** The first line of the body, cut short, for a table cell. */
        String firstBodyLine() {
            String line = body.strip().lines().findFirst().orElse("");
            return line.length() <= 120 ? line : line.substring(0, 120) + "…";
        }
    }

    /**
     * Sends {@code request} (with {@code Connection: close}) and reads the answer to its end: at
     * most {@code MAX_ANSWER} bytes, {@code TIMEOUT_MILLIS} in all and never past {@code deadline}.
     */
    static Answer send(int port, String request, Deadline deadline) throws IOException {
        Deadline step = deadline.within(Duration.ofMillis(TIMEOUT_MILLIS));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Addresses.LOOPBACK, port), step.millis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            CappedRead.Result answer = CappedRead.toEnd(socket, MAX_ANSWER, step);
            if (answer.ending() == CappedRead.Ending.TIMED_OUT) {
                throw new SocketTimeoutException(
                        "no complete answer within " + TIMEOUT_MILLIS + " ms");
            }
            String text = answer.text(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            return new Answer(head.lines().findFirst().orElse("(no answer)"), body);
        }
    }
}
