package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events framing the run stream writes. */
class SseFramesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final SseFrames frames = new SseFrames(bytes);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEventIsIdTypeAndOneDataLineThenABlankLine() throws IOException {
        frames.event("fact", "{\"at\":1,\"html\":\"<p>héllo → loopback</p>\"}", "7");
        assertEquals(
                "id: 7\nevent: fact\ndata: {\"at\":1,\"html\":\"<p>héllo → loopback</p>\"}\n\n",
                written());
    }

    @Test
    void everyLineBreakInTheDataStartsAnotherDataLine() throws IOException {
        frames.event("note", "one\ntwo\r\nthree\rfour\n", "1");
        assertEquals(
                "id: 1\nevent: note\ndata: one\ndata: two\ndata: three\ndata: four\ndata: \n\n",
                written());
    }

    @Test
    void emptyDataIsOneEmptyDataLine() throws IOException {
        frames.event("done", "", "2");
        assertEquals("id: 2\nevent: done\ndata: \n\n", written());
    }

    @Test
    void aCommentIsAColonLine() throws IOException {
        frames.comment("waiting");
        assertEquals(": waiting\n\n", written());
    }

    @Test
    void eachFrameIsFlushedAndAGoneClientIsAnIOException() {
        int[] flushes = {0};
        SseFrames counted =
                new SseFrames(
                        new OutputStream() {
                            @Override
                            public void write(int b) {}

                            @Override
                            public void write(byte[] b, int off, int len) {}

                            @Override
                            public void flush() {
                                flushes[0]++;
                            }
                        });
        assertEquals(0, flushes[0]);
        assertDoesNotThrow(() -> counted.event("a", "b", "0"));
        assertDoesNotThrow(() -> counted.comment("c"));
        assertEquals(2, flushes[0]);
        SseFrames gone =
                new SseFrames(
                        new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("Broken pipe");
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                throw new IOException("Broken pipe");
                            }
                        });
        assertThrows(IOException.class, () -> gone.event("a", "b", "0"));
    }
}
