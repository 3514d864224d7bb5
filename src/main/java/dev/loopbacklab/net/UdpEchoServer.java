package dev.loopbacklab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/**
 * A UDP echo server: every datagram that arrives is sent back to whoever sent it.
 *
 * <pre>{@code
 * var server = UdpEchoServer.start(InetAddress.getByName("127.0.0.1"), 0);
 * var channel = DatagramChannel.open();
 * channel.send(ByteBuffer.wrap("hi".getBytes()), new InetSocketAddress("127.0.0.1", server.port()));
 * }</pre>
 *
 * <p>UDP has no connections: there is no accept and no close, just single messages. Replies go only
 * to loopback senders, so the server can never be used to send packets elsewhere.
 */
public final class UdpEchoServer implements AutoCloseable {

    // The largest UDP payload is just under 64 KiB, so one buffer fits any datagram.
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long JOIN_MILLIS = 2_000;

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long datagramsEchoed; // written by the server thread only

    private UdpEchoServer(DatagramChannel channel, InetSocketAddress localAddress) {
        this.channel = channel;
        this.localAddress = localAddress;
        this.thread = new Thread(this::run, "udp-echo-server-" + localAddress.getPort());
        this.thread.setDaemon(true);
    }

    /** Starts a server on 127.0.0.1 with a port chosen by the operating system. */
    public static UdpEchoServer start() throws IOException {
        return start(AddressText.ipv4Loopback(), 0);
    }

    /**
     * Starts a server on the given local address and port.
     *
     * @param address a local address, usually 127.0.0.1 or ::1
     * @param port 0 to let the operating system choose, or 1 to 65535
     * @return the running server
     * @throws IOException if the socket cannot be bound
     */
    public static UdpEchoServer start(InetAddress address, int port) throws IOException {
        Objects.requireNonNull(address, "address");
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(address, port));
            int boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            UdpEchoServer server =
                    new UdpEchoServer(channel, new InetSocketAddress(address, boundPort));
            server.thread.start();
            return server;
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /** The port the server listens on; never 0. */
    public int port() {
        return localAddress.getPort();
    }

    /** The address the server was started on. */
    public InetAddress address() {
        return localAddress.getAddress();
    }

    /** How many datagrams have been sent back so far. */
    public long datagramsEchoed() {
        return datagramsEchoed;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        try {
            while (!closed) {
                buffer.clear();
                SocketAddress sender =
                        channel.receive(buffer); // waits here until a datagram arrives
                if (sender instanceof InetSocketAddress
                        && ((InetSocketAddress) sender).getAddress().isLoopbackAddress()) {
                    buffer.flip();
                    channel.send(buffer, sender);
                    datagramsEchoed++;
                }
            }
        } catch (IOException e) {
            // close() closes the channel, which wakes receive() with an exception: time to stop.
        } finally {
            closeChannel();
        }
    }

    /** Stops the server and frees the port. Calling it twice does no harm. */
    @Override
    public void close() {
        closed = true;
        closeChannel();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Best effort: the OS releases the socket either way.
        }
    }

    /** Reads like {@code UdpEchoServer[127.0.0.1:41234]}. */
    @Override
    public String toString() {
        String endpoint = new Endpoint(address(), port()).toString();
        return "UdpEchoServer[" + endpoint + (closed ? ", closed]" : "]");
    }
}
