package dev.loopbacklab.notebook;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The stream a child's stdout or stderr arrives on, turned into text. Bytes come in chunks as the
 * child writes them, and a chunk may end inside a UTF-8 character: that character waits for the
 * next chunk instead of being shown as two broken ones.
 */
final class TextSink extends OutputStream {
    private final Consumer<String> text;
    private byte[] pending = new byte[0];

    TextSink(Consumer<String> text) {
        this.text = text;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        byte[] all = Arrays.copyOf(pending, pending.length + len);
        System.arraycopy(bytes, off, all, pending.length, len);
        int complete = completePrefix(all);
        pending = Arrays.copyOfRange(all, complete, all.length);
        if (complete > 0) {
            text.accept(new String(all, 0, complete, StandardCharsets.UTF_8));
        }
    }

    /** The length of {@code bytes} without a UTF-8 character cut off at its end. */
    static int completePrefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
