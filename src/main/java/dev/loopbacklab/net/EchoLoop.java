package dev.loopbacklab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;

/**
 * The engine behind {@link EchoServer} and {@link UnixEchoServer}: one thread, one selector, every
 * connection echoed back byte for byte.
 *
 * <p>The thread sleeps in {@code select()} until some socket is ready, handles it without ever
 * blocking, and sleeps again. That is how one thread serves many clients.
 */
final class EchoLoop {

    /** One buffer per connection; 64 KiB matches what a fast client writes in one go. */
    static final int BUFFER_SIZE = 64 * 1024;

    private static final long JOIN_MILLIS = 2_000;

    private final ServerSocketChannel server;
    private static final int READS_PER_WAKEUP = 4;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closing;

    // Only the selector thread writes these two; volatile lets other threads read them.
    private volatile int clients;
    private volatile long bytesEchoed;

    private EchoLoop(ServerSocketChannel server, Selector selector, String threadName) {
        this.server = server;
        this.selector = selector;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true); // a forgotten server must not keep JShell or a test JVM alive
    }

    /**
     * Starts echoing on a bound server channel. From here on the loop owns the channel and closes
     * it, even when starting fails.
     */
    static EchoLoop start(ServerSocketChannel server, String threadName) throws IOException {
        try {
            server.configureBlocking(false);
            Selector selector = Selector.open();
            try {
                server.register(selector, SelectionKey.OP_ACCEPT);
                EchoLoop loop = new EchoLoop(server, selector, threadName);
                loop.thread.start();
                return loop;
            } catch (IOException | RuntimeException | Error e) {
                selector.close();
                throw e;
            }
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    int clients() {
        return clients;
    }

    long bytesEchoed() {
        return bytesEchoed;
    }

    /**
     * What a server's {@code toString} shows after its name: {@code [WHERE, 2 clients]}, {@code
     * [WHERE, 1 client]} or, once closed, {@code [WHERE, closed]}.
     */
    String describe(String where) {
        if (closing) {
            return "[" + where + ", closed]";
        }
        int n = clients;
        return "[" + where + ", " + n + (n == 1 ? " client]" : " clients]");
    }

    /** Stops the thread and closes every channel; safe to call more than once. */
    void close() {
        closing = true;
        selector.wakeup();
        boolean interrupted = false;
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (thread.isAlive()) {
            closeEverything(); // should never be needed, but "closed" must mean closed
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closing) {
                selector.select(this::handle);
            }
        } catch (IOException | ClosedSelectorException e) {
            // The selector itself failed or was closed: nothing more to serve.
        } finally {
            closeEverything();
        }
    }

    private void handle(SelectionKey key) {
        if (key.channel() == server) {
            accept();
            return;
        }
        try {
            if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException e) {
            // One client resetting its connection must not stop the server for the others.
            closeClient(key);
        }
    }

    private void accept() {
        SocketChannel client = null;
        try {
            client = server.accept();
            if (client == null) {
                return; // another wake-up already took the connection
            }
            if (!fromLoopback(client.getRemoteAddress())) {
                // The lab answers loopback only. The kernel has already completed the handshake,
                // which is exactly the exposure the lessons talk about, but no byte is sent back.
                client.close();
                return;
            }
            client.configureBlocking(false);
            if (client.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                // Without this, Nagle's algorithm holds back small replies and round trips take
                // ~40 ms.
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocateDirect(BUFFER_SIZE));
            clients++;
        } catch (IOException e) {
            // the client gave up before we got to it: not the server's problem
            closeQuietly(client);
        }
    }

    private static boolean fromLoopback(SocketAddress remote) {
        if (remote instanceof InetSocketAddress) {
            return ((InetSocketAddress) remote).getAddress().isLoopbackAddress();
        }
        return true; // a Unix domain socket can only be reached from this machine
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        // A read that filled the whole buffer means more is waiting (a bulk sender): read again at
        // once instead of going back through the selector, a few times at most so that one busy
        // client cannot starve the others. A small message (a round trip) is one read, as before.
        for (int i = 0; i < READS_PER_WAKEUP; i++) {
            int n = channel.read(buffer);
            if (n < 0) {
                closeClient(key); // the client closed its side: say goodbye the same way
                return;
            }
            buffer.flip();
            if (!write(key) || n < BUFFER_SIZE) {
                return;
            }
        }
    }

    /** Writes back what the buffer holds; false if the socket could not take it all. */
    private boolean write(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        bytesEchoed += channel.write(buffer);
        if (buffer.hasRemaining()) {
            // The client is not reading fast enough. Stop reading from it (the buffer is still
            // full) and wait until its socket can take more.
            key.interestOps(SelectionKey.OP_WRITE);
            return false;
        }
        buffer.clear();
        key.interestOps(SelectionKey.OP_READ);
        return true;
    }

    private void closeClient(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
        clients--;
    }

    private synchronized void closeEverything() {
        try {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                closeQuietly(key.channel());
            }
        } catch (ClosedSelectorException e) {
            // Already closed by an earlier call.
        }
        closeQuietly(server);
        closeQuietly(selector);
        clients = 0;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: there is nothing useful to do if the OS complains.
        }
    }
}
