package dev.loopbacklab.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what a server sent when that server may be slow or hostile: never past a {@link Deadline}
 * (a server that sends one byte a second cannot stretch it, because each read waits only for the
 * time left) and never more than a fixed number of bytes (a server that announces a gigabyte gets
 * the buffer the caller chose, no bigger). The one way the lab reads a local server's answer.
 *
 * <pre>{@code
 * CappedRead.Result head = CappedRead.until(socket, 16 * 1024, deadline, "\r\n\r\n");
 * if (head.ending() == CappedRead.Ending.TIMED_OUT) { ... }
 * }</pre>
 */
public final class CappedRead {
    private CappedRead() {}

    /** Why reading stopped. */
    public enum Ending {
        /** Got what was asked for: the whole length, or the end marker. */
        DONE,
        /** The cap was reached before the end marker came. */
        FULL,
        /** The peer closed its side (end of stream). */
        CLOSED,
        /** The connection broke (reset, or another I/O error). */
        BROKEN,
        /** The deadline passed first. */
        TIMED_OUT
    }

    /**
     * What was read.
     *
     * @param bytes a buffer of exactly the cap's size; the first {@code length} bytes are valid
     * @param length how many bytes arrived
     * @param ending why reading stopped
     * @param error the I/O error's message when {@code ending} is {@link Ending#BROKEN}, else null
     */
    public record Result(byte[] bytes, int length, Ending ending, String error) {
        /**
         * The bytes that arrived as text.
         *
         * @param charset how to decode them
         * @return the text
         */
        public String text(Charset charset) {
            return new String(bytes, 0, length, charset);
        }

        /**
         * The bytes that arrived, in an array of their own length.
         *
         * @return a copy
         */
        public byte[] received() {
            return Arrays.copyOf(bytes, length);
        }
    }

    /**
     * Reads exactly {@code length} bytes, unless the peer closes, the connection breaks or the
     * deadline passes first.
     *
     * @param socket a connected socket; its read timeout is changed
     * @param length how many bytes to wait for, which is also the buffer's size
     * @param deadline when to stop waiting
     * @return what arrived, and why reading stopped
     * @throws IOException only if the socket's timeout cannot be set (it is closed)
     */
    public static Result exactly(Socket socket, int length, Deadline deadline) throws IOException {
        return read(socket, length, null, deadline);
    }

    /**
     * Reads up to and including the first of {@code ends} (such as the blank line after HTTP
     * headers), at most {@code max} bytes.
     *
     * @param socket a connected socket; its read timeout is changed
     * @param max the most bytes to read, which is also the buffer's size
     * @param deadline when to stop waiting
     * @param ends the bytes that end what is wanted, in ISO-8859-1; the first found counts
     * @return what arrived, and why reading stopped ({@link Ending#FULL} if no end came within
     *     {@code max} bytes)
     * @throws IOException only if the socket's timeout cannot be set (it is closed)
     */
    public static Result until(Socket socket, int max, Deadline deadline, String... ends)
            throws IOException {
        byte[][] markers = new byte[ends.length][];
        for (int i = 0; i < ends.length; i++) {
            markers[i] = ends[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return read(socket, max, markers, deadline);
    }

    /**
     * Reads until the peer closes, at most {@code max} bytes.
     *
     * @param socket a connected socket; its read timeout is changed
     * @param max the most bytes to read, which is also the buffer's size
     * @param deadline when to stop waiting
     * @return what arrived; {@link Ending#CLOSED} when the whole answer came, {@link Ending#DONE}
     *     when the cap was reached first
     * @throws IOException only if the socket's timeout cannot be set (it is closed)
     */
    public static Result toEnd(Socket socket, int max, Deadline deadline) throws IOException {
        return read(socket, max, null, deadline);
    }

    private static Result read(Socket socket, int max, byte[][] ends, Deadline deadline)
            throws IOException {
        byte[] bytes = new byte[max];
        int length = 0;
        InputStream in = socket.getInputStream();
        while (length < max) {
            if (deadline.passed()) {
                return new Result(bytes, length, Ending.TIMED_OUT, null);
            }
            socket.setSoTimeout(deadline.millis());
            // with an end marker, one byte at a time, so that nothing after it is consumed
            int want = ends == null ? max - length : 1;
            int n;
            try {
                n = in.read(bytes, length, want);
            } catch (SocketTimeoutException e) {
                return new Result(bytes, length, Ending.TIMED_OUT, null);
            } catch (IOException e) {
                return new Result(bytes, length, Ending.BROKEN, e.getMessage());
            }
            if (n < 0) {
                return new Result(bytes, length, Ending.CLOSED, null);
            }
            length += n;
            if (ends != null && endsWithAny(bytes, length, ends)) {
                return new Result(bytes, length, Ending.DONE, null);
            }
        }
        return new Result(bytes, length, ends == null ? Ending.DONE : Ending.FULL, null);
    }

    private static boolean endsWithAny(byte[] bytes, int length, byte[][] ends) {
        for (byte[] end : ends) {
            if (length >= end.length
                    && Arrays.equals(bytes, length - end.length, length, end, 0, end.length)) {
                return true;
            }
        }
        return false;
    }
}
