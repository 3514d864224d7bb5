package dev.loopbacklab.experiments.containers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Joins two connections both ways, as a port-publishing proxy does. Channels, not {@code
 * Channels.newInputStream}: those streams share one lock per channel, so a read blocked on one side
 * would stop the write going the other way.
 */
final class Pipes {
    private Pipes() {}

    /**
     * Copies a→b on a new thread and b→a on this one; returns when b has nothing more to send. The
     * caller closes both connections, which ends the other copy.
     */
    static void join(SocketChannel a, SocketChannel b) {
        Thread up = new Thread(() -> copy(a, b), "pipe");
        up.setDaemon(true);
        up.start();
        copy(b, a);
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (from.read(buffer) != -1) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the caller closes the other
        }
    }
}
