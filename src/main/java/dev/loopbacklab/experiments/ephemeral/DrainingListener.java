package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A listener on 127.0.0.1:0 that accepts on a thread of its own, waits for each client to close,
 * then closes its side. The client therefore closes first and holds the TIME_WAIT, as in the
 * lesson. At most {@link #IN_FLIGHT} connections wait to be accepted, so the backlog never fills.
 */
final class DrainingListener implements AutoCloseable {
    static final int IN_FLIGHT = 64;

    /** How long one client may keep its connection open before this side gives up on it. */
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final Thread acceptor;

    private DrainingListener(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "ephemeral-connect-sweep-acceptor");
        acceptor.setDaemon(true);
    }

    /** Opens the listener and starts its thread. */
    static DrainingListener start() throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(IpLiteral.loopbackV4(), 0), IN_FLIGHT * 2);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        DrainingListener listener = new DrainingListener(server);
        listener.acceptor.start();
        return listener;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The server socket, for {@code report.closeOnCancel}. */
    ServerSocket socket() {
        return server;
    }

    /** Waits for room before a client connects, so the accept queue stays short. */
    void awaitSlot() throws IOException {
        try {
            if (!slots.tryAcquire(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException("the listener stopped accepting connections");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the listener", e);
        }
    }

    /** Waits until every accepted connection so far has been closed by this side. */
    void awaitDrained() throws IOException {
        try {
            if (!slots.tryAcquire(IN_FLIGHT, READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException("the listener did not finish closing its connections");
            }
            slots.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the listener", e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                InputStream in = connection.getInputStream();
                while (in.read() >= 0) {
                    // A sweep client sends nothing; read until it closes.
                }
            } catch (IOException e) {
                // The server was closed (end of run), or one connection failed; the client sees
                // that.
            } finally {
                slots.release();
            }
        }
    }

    /** Closes the listener and waits for its thread to end. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(READ_TIMEOUT_MILLIS + 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
