package dev.loopbacklab.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * TCP listeners of exactly their address's family: an IPv4 socket for 127.0.0.1 or 0.0.0.0, an IPv6
 * one for ::1 or ::. That is what servers written in C, Docker and most other programs open; a
 * plain {@code new ServerSocket()} in Java is instead a dual-stack IPv6 socket, so 0.0.0.0 there
 * quietly means :: and hears ::1 as well, which the lessons show.
 *
 * <pre>{@code
 * try (ServerSocketChannel server = Listeners.open(IpLiteral.loopbackV4(), 0)) {
 *     System.out.println(Listeners.port(server));   // the port the OS picked
 * }
 * }</pre>
 */
public final class Listeners {
    private static final int BACKLOG = 50;

    private Listeners() {}

    /**
     * A listener on {@code address} and {@code port} (0: the OS picks), of that address's family.
     */
    public static ServerSocketChannel open(InetAddress address, int port) throws IOException {
        ServerSocketChannel channel =
                ServerSocketChannel.open(
                        address instanceof Inet6Address
                                ? StandardProtocolFamily.INET6
                                : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(address, port), BACKLOG);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The port a bound listener got. */
    public static int port(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /**
     * True if a listener can be opened on {@code address} here: it is configured on this machine
     * (127.0.0.2 is not on macOS), and for ::1, IPv6 is on and Java may use it.
     */
    public static boolean canOpen(InetAddress address) {
        try {
            open(address, 0).close();
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
