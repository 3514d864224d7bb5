package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.WildcardGuard;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Bind attempts that report what the OS said instead of throwing: the table cell is either {@code
 * "bound"} or the JDK's exception text, exactly as the JDK gives it.
 */
final class Bind {
    /** What a table shows for a bind that worked. */
    static final String BOUND = "bound";

    /** The text Linux, macOS and the JDK use for a port someone else holds. */
    static final String IN_USE = "Address already in use";

    private Bind() {}

    /**
     * How one attempt ended.
     *
     * @param bound true if the socket is now bound
     * @param result {@link #BOUND} or the exception as {@code SimpleName: message}
     * @param exception the exception, or null when bound
     */
    record Result(boolean bound, String result, Exception exception) {
        /**
         * True if the OS said the address is in use, read by kind: Windows adds ": bind" to the
         * words, and there the JDK also reports an excluded port this way.
         */
        boolean inUse() {
            return BindFailure.of(exception) == BindFailure.IN_USE;
        }

        /** The kind of failure; {@link BindFailure#OTHER} when bound. */
        BindFailure failure() {
            return bound ? BindFailure.OTHER : BindFailure.of(exception);
        }
    }

    /** A loopback or wildcard address from its bytes, so nothing is ever looked up in DNS. */
    static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an address", e);
        }
    }

    /**
     * Binds (and so listens on) a new TCP server socket kept open in {@code opened}.
     *
     * @param reuseAddress the SO_REUSEADDR value set before binding
     */
    static Result tcp(Opened opened, InetAddress address, int port, boolean reuseAddress)
            throws IOException {
        return tcp(opened.keep(new ServerSocket()), address, port, reuseAddress);
    }

    /** Binds a new TCP server socket with SO_REUSEADDR on, and closes it again at once. */
    static Result tcpAndClose(InetAddress address, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            return tcp(socket, address, port, true);
        }
    }

    private static Result tcp(ServerSocket socket, InetAddress address, int port, boolean reuse)
            throws IOException {
        socket.setReuseAddress(reuse);
        try {
            socket.bind(new InetSocketAddress(address, port));
            if (address.isAnyLocalAddress()) {
                // Listening on every interface for a moment: nobody else gets served meanwhile.
                WildcardGuard.guard(socket, peer -> {});
            }
            return new Result(true, BOUND, null);
        } catch (IOException e) {
            socket.close();
            return new Result(false, Runner.describe(e), e);
        }
    }

    /** Binds a new UDP socket kept in {@code opened}. */
    static Result udp(Opened opened, InetAddress address, int port) throws IOException {
        DatagramSocket socket = opened.keep(new DatagramSocket(null));
        try {
            socket.bind(new InetSocketAddress(address, port));
            return new Result(true, BOUND, null);
        } catch (IOException e) {
            socket.close();
            return new Result(false, Runner.describe(e), e);
        }
    }
}
