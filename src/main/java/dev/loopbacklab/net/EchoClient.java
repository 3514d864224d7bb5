package dev.loopbacklab.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A client for an echo server: sends a message and waits for the same bytes to come back.
 *
 * <pre>{@code
 * try (var client = EchoClient.connect(server.address(), server.port(), Duration.ofSeconds(2))) {
 *   client.roundTrip("hello");   // "hello"
 *   client.localPort();          // the ephemeral port the OS gave this client, e.g. 51234
 * }
 * }</pre>
 *
 * <p>It only connects to loopback addresses (127.0.0.0/8 and ::1).
 */
public final class EchoClient implements AutoCloseable {

    // Long messages go in slices, each read back before the next is sent. If all of a big message
    // were written first, both sides' socket buffers could fill up and each would wait for the
    // other forever.
    private static final int SLICE = EchoLoop.BUFFER_SIZE;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    // Kept from the moment of connecting: a closed Socket forgets its local address.
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.localAddress = (InetSocketAddress) socket.getLocalSocketAddress();
        this.remoteAddress = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /**
     * Connects to an echo server on loopback.
     *
     * @param address a loopback address such as 127.0.0.1 or ::1
     * @param port the server's port
     * @param timeout how long to wait for the connection, and later for each reply
     * @return the connected client
     * @throws IllegalArgumentException if the address is not loopback or the timeout not positive
     * @throws IOException if the connection fails, for example "Connection refused"
     */
    public static EchoClient connect(InetAddress address, int port, Duration timeout)
            throws IOException {
        Loopback.require(address);
        int millis = Loopback.timeoutMillis(timeout);
        Socket socket = new Socket();
        try {
            // Small messages must leave at once; Nagle's algorithm would hold them back.
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(millis);
            socket.connect(new InetSocketAddress(address, port), millis);
            return new EchoClient(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends the message and reads exactly as many bytes back.
     *
     * @param message the bytes to send
     * @return the bytes the server sent back
     * @throws java.net.SocketTimeoutException if a reply takes longer than the timeout
     * @throws EOFException if the server closes the connection before echoing everything
     */
    public byte[] roundTrip(byte[] message) throws IOException {
        Objects.requireNonNull(message, "message");
        byte[] reply = new byte[message.length];
        for (int start = 0; start < message.length; start += SLICE) {
            int length = Math.min(SLICE, message.length - start);
            out.write(message, start, length);
            int read = in.readNBytes(reply, start, length);
            if (read < length) {
                throw new EOFException(
                        "the server closed the connection after echoing "
                                + (start + read)
                                + " of "
                                + message.length
                                + " bytes");
            }
        }
        return reply;
    }

    /** Sends the text as UTF-8 and returns the reply decoded as UTF-8. */
    public String roundTrip(String text) throws IOException {
        byte[] reply = roundTrip(text.getBytes(StandardCharsets.UTF_8));
        return new String(reply, StandardCharsets.UTF_8);
    }

    /** The client's own port: an ephemeral port the operating system picked when connecting. */
    public int localPort() {
        return localAddress.getPort();
    }

    /** The client's own address and port, one half of this connection's 4-tuple. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The server's address and port, the other half of the 4-tuple. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Closes the connection; the server sees end-of-stream. Calling it twice does no harm. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing useful can be done: the socket is released either way.
        }
    }

    /** Reads like {@code EchoClient[127.0.0.1:51234 -> 127.0.0.1:41234]}. */
    @Override
    public String toString() {
        String text = Endpoint.of(localAddress) + " -> " + Endpoint.of(remoteAddress);
        return "EchoClient[" + text + (socket.isClosed() ? ", closed]" : "]");
    }
}
