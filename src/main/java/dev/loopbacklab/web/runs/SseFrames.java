package dev.loopbacklab.web.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Server-Sent Events frames to a response that Javalin's SSE handler has opened (status,
 * {@code text/event-stream}, no caching). Each frame is encoded once and written in one piece, then
 * flushed. Javalin's own {@code SseClient.sendEvent} wrapped every event's data in a buffered
 * stream, a reader and a line sequence, ~32 KB of buffers per event: with 100 runs at once that
 * garbage set the pace of the collector, and its pauses the tail of event delivery
 * (bench/README.md).
 */
final class SseFrames {
    private final OutputStream out;

    SseFrames(OutputStream out) {
        this.out = out;
    }

    /**
     * Sends one event. A line break in {@code data} starts another {@code data:} line, as the
     * format requires; {@code type} and {@code id} must be single tokens.
     *
     * @throws IOException if the client has gone
     */
    void event(String type, String data, String id) throws IOException {
        StringBuilder frame = new StringBuilder(data.length() + type.length() + 32);
        frame.append("id: ").append(id).append('\n').append("event: ").append(type).append('\n');
        int from = 0;
        for (int i = 0; i <= data.length(); i++) {
            if (i == data.length() || data.charAt(i) == '\n' || data.charAt(i) == '\r') {
                frame.append("data: ").append(data, from, i).append('\n');
                if (i < data.length()
                        && data.charAt(i) == '\r'
                        && i + 1 < data.length()
                        && data.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        write(frame.append('\n'));
    }

    /**
     * Sends a comment line: keeps the connection alive and shows whether the client is still there.
     */
    void comment(String text) throws IOException {
        write(new StringBuilder(text.length() + 4).append(": ").append(text).append("\n\n"));
    }

    private void write(CharSequence frame) throws IOException {
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
