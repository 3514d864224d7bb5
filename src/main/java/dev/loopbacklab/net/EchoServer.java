package dev.loopbacklab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;

/**
 * A TCP echo server: whatever a client sends, it sends straight back.
 *
 * <p>Try it in JShell:
 *
 * <pre>{@code
 * var server = EchoServer.start();          // 127.0.0.1, a port the OS picks
 * var client = EchoClient.connect(server.address(), server.port(), Duration.ofSeconds(2));
 * client.roundTrip("hello");                 // "hello"
 * server;                                    // EchoServer[127.0.0.1:41234, 1 client]
 * client.close(); server.close();
 * }</pre>
 *
 * <p>One thread serves every client (see {@code EchoLoop}); it is a daemon thread named {@code
 * echo-server-<port>}. Like {@code new ServerSocket}, the socket is the JDK's dual-stack kind, so a
 * server on {@code 0.0.0.0} also answers on {@code ::1}. Only loopback clients get an echo: others
 * are hung up on at once.
 */
public final class EchoServer implements AutoCloseable {

    private final EchoLoop loop;
    private final InetSocketAddress localAddress;

    private EchoServer(EchoLoop loop, InetSocketAddress localAddress) {
        this.loop = loop;
        this.localAddress = localAddress;
    }

    /**
     * Starts a server on 127.0.0.1 with a port chosen by the operating system.
     *
     * @return the running server; read {@link #port()} to learn which port it got
     * @throws IOException if the socket cannot be opened
     */
    public static EchoServer start() throws IOException {
        return start(AddressText.ipv4Loopback(), 0);
    }

    /**
     * Starts a server on an address written as text.
     *
     * @param host an IP literal such as {@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0} or {@code
     *     ::}, or {@code localhost} (which means 127.0.0.1); names are never looked up in DNS
     * @param port 0 to let the operating system choose, or 1 to 65535
     * @return the running server
     * @throws IllegalArgumentException if {@code host} is not an IP literal or "localhost"
     * @throws IOException if the socket cannot be bound, for example "Address already in use"
     */
    public static EchoServer start(String host, int port) throws IOException {
        return start(AddressText.parse(host), port);
    }

    /**
     * Starts a server on the given local address and port.
     *
     * @param address a local address: a loopback address, or a wildcard such as 0.0.0.0
     * @param port 0 to let the operating system choose, or 1 to 65535
     * @return the running server
     * @throws IOException if the socket cannot be bound, for example "Address already in use"
     */
    public static EchoServer start(InetAddress address, int port) throws IOException {
        Objects.requireNonNull(address, "address");
        InetSocketAddress requested = new InetSocketAddress(address, port);
        ServerSocketChannel channel = ServerSocketChannel.open();
        int boundPort;
        try {
            channel.bind(requested);
            boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        EchoLoop loop = EchoLoop.start(channel, "echo-server-" + boundPort);
        // Keep the address as asked: the dual-stack socket would report 0.0.0.0 back as "::".
        return new EchoServer(loop, new InetSocketAddress(address, boundPort));
    }

    /** The port the server listens on; never 0, even if you asked for port 0. */
    public int port() {
        return localAddress.getPort();
    }

    /** The address the server was started on, for example 127.0.0.1 or 0.0.0.0. */
    public InetAddress address() {
        return localAddress.getAddress();
    }

    /** The address and port together, as a socket address. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** How many clients are connected right now. */
    public int clients() {
        return loop.clients();
    }

    /**
     * How many bytes the server has sent back so far, over all clients. It is counted just after
     * each write, so it can lag a reply the client already has by a moment.
     */
    public long bytesEchoed() {
        return loop.bytesEchoed();
    }

    /**
     * Stops the server: closes the listening socket, every client connection and the thread.
     * Clients then read end-of-stream, and the port is free again. Calling it twice does no harm.
     */
    @Override
    public void close() {
        loop.close();
    }

    /**
     * Reads like {@code EchoServer[127.0.0.1:41234, 2 clients]}, {@code EchoServer[[::1]:41234, 1
     * client]} or, once closed, {@code EchoServer[127.0.0.1:41234, closed]}.
     */
    @Override
    public String toString() {
        return "EchoServer" + loop.describe(new Endpoint(address(), port()).toString());
    }
}
