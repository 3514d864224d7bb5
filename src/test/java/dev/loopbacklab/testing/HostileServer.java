package dev.loopbacklab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server that misbehaves the way the attack on the lab did, on 127.0.0.1 and a port the OS
 * picks: it accepts and never answers ({@link #silent}), answers one byte at a time ({@link
 * #drip}), or announces a huge answer and sends as fast as the lab reads ({@link #flood}). It
 * counts the bytes the lab took from it, so a test can show the lab stopped reading at its cap: the
 * lab's own memory is not measured, what it was able to read is.
 */
public final class HostileServer implements AutoCloseable {
    /** The most a flood sends: far beyond any cap of the lab, small enough to end on its own. */
    public static final long FLOOD_LIMIT = 200_000_000L;

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Behaviour behaviour;

    @FunctionalInterface
    private interface Behaviour {
        void serve(Socket connection, HostileServer server)
                throws IOException, InterruptedException;
    }

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread acceptor = new Thread(this::acceptLoop, "hostile-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts every connection, reads what comes, and never sends a byte. */
    public static HostileServer silent() throws IOException {
        return new HostileServer(
                (connection, self) -> {
                    InputStream in = connection.getInputStream();
                    byte[] sink = new byte[4096];
                    while (in.read(sink) >= 0) {
                        // reading, so the lab's request never blocks on a full buffer
                    }
                });
    }

    /**
     * Sends {@code script} one byte every {@code gap}, then the letter {@code a} at the same pace
     * for ever: each byte arrives well inside any per-read timeout, so only a deadline for the
     * whole answer ends the wait.
     */
    public static HostileServer drip(String script, Duration gap) throws IOException {
        byte[] bytes = script.getBytes(StandardCharsets.ISO_8859_1);
        return new HostileServer(
                (connection, self) -> {
                    OutputStream out = connection.getOutputStream();
                    for (long i = 0; ; i++) {
                        out.write(i < bytes.length ? bytes[(int) i] : 'a');
                        out.flush();
                        self.written.incrementAndGet();
                        Thread.sleep(gap.toMillis());
                    }
                });
    }

    /**
     * Sends {@code prefix} (such as a header announcing 200,000,000 bytes) and then filler as fast
     * as the lab takes it, up to {@link #FLOOD_LIMIT} bytes.
     */
    public static HostileServer flood(String prefix) throws IOException {
        byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return new HostileServer(
                (connection, self) -> {
                    OutputStream out = connection.getOutputStream();
                    out.write(head);
                    self.written.addAndGet(head.length);
                    byte[] filler = new byte[64 * 1024];
                    java.util.Arrays.fill(filler, (byte) 'a');
                    while (self.written.get() < FLOOD_LIMIT) {
                        out.write(filler);
                        self.written.addAndGet(filler.length);
                    }
                });
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.add(connection);
            accepted.incrementAndGet();
            Thread serving =
                    new Thread(
                            () -> {
                                try (connection) {
                                    behaviour.serve(connection, this);
                                } catch (IOException | InterruptedException e) {
                                    // the lab closed its end, or the test closed the server
                                }
                            },
                            "hostile-serve");
            serving.setDaemon(true);
            serving.start();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections it accepted. */
    public long accepted() {
        return accepted.get();
    }

    /**
     * How many bytes the lab took from it: written into the connection, so at most the lab's reads
     * plus the kernel's buffers for one loopback connection.
     */
    public long written() {
        return written.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
