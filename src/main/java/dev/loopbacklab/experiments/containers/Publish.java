package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Listeners;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Publishes a service that lives in another network namespace on a port of this one, the way
 * Docker's {@code -p} does with its proxy: it listens on the address and port given and joins each
 * connection to the service's Unix socket ({@link Namespace#socket()}). {@code
 * Publish.start("127.0.0.1", 8080, ns.socket())} is {@code -p 127.0.0.1:8080:…}; {@code
 * Publish.start("0.0.0.0", 8080, ns.socket())} is {@code -p 8080:…}, open to the network.
 */
public final class Publish implements AutoCloseable {
    /** The addresses it accepts, as literals, so that no name is ever looked up. */
    private static final Set<String> ADDRESSES = Set.of("127.0.0.1", "0.0.0.0", "::1", "::");

    /** Connections joined at once; more wait in the listen queue. */
    private static final int MAX_CONNECTIONS = 16;

    private final ServerSocketChannel server;
    private final Path target;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    // The joined connections, closed with the listener: a client that keeps its connection open
    // must not keep a pipe (two threads) alive after the run that published it has ended.
    private final java.util.Set<SocketChannel> joined =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Publish(ServerSocketChannel server, Path target) {
        this.server = server;
        this.target = target;
    }

    /**
     * Listens on {@code address}:{@code port} and forwards every connection to {@code target}.
     *
     * @param address one of 127.0.0.1, ::1 (this machine only), 0.0.0.0 or :: (every interface)
     * @param port the port to publish on; 0 lets the OS pick
     * @param target the Unix socket of the service, e.g. {@link Namespace#socket()}
     * @throws IllegalArgumentException for any other address text
     */
    public static Publish start(String address, int port, Path target) throws IOException {
        if (!ADDRESSES.contains(address)) {
            throw new IllegalArgumentException(
                    "publish on 127.0.0.1, ::1, 0.0.0.0 or ::, not \"" + address + "\"");
        }
        // The family follows the address, so 0.0.0.0 is a plain IPv4 wildcard as Docker's is; a
        // Java ServerSocket would turn it into a dual-stack ::.
        ServerSocketChannel server = Listeners.open(IpLiteral.parse(address), port);
        Publish publish = new Publish(server, target);
        Thread acceptor = new Thread(publish::acceptLoop, "publish-" + publish.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return publish;
    }

    /** The port it listens on. */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** The address it listens on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}. */
    public String address() {
        return server.socket().getInetAddress().getHostAddress();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                slots.acquire();
                client = server.accept();
            } catch (IOException | InterruptedException e) {
                return;
            }
            Thread pipe =
                    new Thread(
                            () -> {
                                joined.add(client);
                                try (SocketChannel c = client;
                                        SocketChannel service =
                                                SocketChannel.open(
                                                        UnixDomainSocketAddress.of(target))) {
                                    if (server.isOpen()) {
                                        Pipes.join(c, service);
                                    }
                                } catch (IOException e) {
                                    // the service is gone: the client sees its connection close
                                } finally {
                                    joined.remove(client);
                                    slots.release();
                                }
                            },
                            "publish-pipe");
            pipe.setDaemon(true);
            pipe.start();
        }
    }

    /** Stops listening and closes the connections it joined, which ends their pipes. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel client : joined) {
            try {
                client.close();
            } catch (IOException e) {
                // closing to end the pipe; nothing more to do
            }
        }
    }

    @Override
    public String toString() {
        return "published on " + address() + ":" + port() + " → " + target;
    }
}
