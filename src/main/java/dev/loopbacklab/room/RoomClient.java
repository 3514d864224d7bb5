package dev.loopbacklab.room;

import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The learner's lab talking to the teacher's: one small HTTP/1.1 POST per message, to the room's
 * address and nowhere else. A plain socket rather than the JDK's HttpClient so that a test can send
 * from another loopback address (127.0.0.2), as a second machine would; HttpClient on Java 17
 * cannot choose its source address.
 */
final class RoomClient {
    static final int TIMEOUT_MILLIS = 5_000;
    static final int MAX_ANSWER = 64 * 1024;

    /** The teacher lab's answer. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI room;
    private final InetAddress source;

    /**
     * @param room the room's address, {@code http://host:port}, exactly as the learner gave it
     * @param source the local address to send from, or null for the one the OS picks
     */
    RoomClient(URI room, InetAddress source) {
        this.room = room;
        this.source = source;
    }

    URI room() {
        return room;
    }

    Answer post(String path, String bearer, String json) throws IOException {
        return post(path, bearer, json, TIMEOUT_MILLIS);
    }

    /** Posts and waits up to {@code readMillis} for the answer (a room may hold a question). */
    Answer post(String path, String bearer, String json, int readMillis) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        int port = room.getPort() == -1 ? 80 : room.getPort();
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(room.getRawAuthority()).append("\r\n");
        head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            // one deadline for the whole exchange, so a room answering a byte at a time cannot
            // hold the lab's run (or its page) longer
            Deadline deadline = Deadline.in(Duration.ofMillis(readMillis));
            socket.connect(
                    new InetSocketAddress(room.getHost(), port),
                    Math.min(TIMEOUT_MILLIS, deadline.millis()));
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            return read(socket, deadline);
        }
    }

    private static Answer read(Socket socket, Deadline deadline) throws IOException {
        CappedRead.Result all = CappedRead.toEnd(socket, MAX_ANSWER + 1, deadline);
        switch (all.ending()) {
            case DONE ->
                    throw new IOException(
                            "the room's answer is larger than " + MAX_ANSWER + " bytes");
            case TIMED_OUT ->
                    throw new java.net.SocketTimeoutException(
                            "the room did not finish answering in time");
            case BROKEN -> throw new IOException(all.error());
            default -> {}
        }
        String text = all.text(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || end < 0) {
            throw new IOException("the room did not answer in HTTP");
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the room did not answer in HTTP");
        }
        String headers = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (headers.contains("transfer-encoding: chunked")) {
            throw new IOException("the room answered in chunks, which a lab never does");
        }
        return new Answer(status, text.substring(end + 4));
    }
}
