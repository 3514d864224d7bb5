package dev.loopbacklab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeps a briefly wildcard-bound listener from serving anyone. The exposure experiments bind
 * 0.0.0.0 or :: for a moment to show that a wildcard answers on every address; while they do,
 * another machine could connect. A guard accepts every connection and closes it at once, without
 * reading a byte: the lab's own probes need only the handshake, and a peer that is not on loopback
 * is reported to a listener before its socket is closed.
 */
public final class WildcardGuard {
    private WildcardGuard() {}

    /**
     * Guards a bound {@link ServerSocket} until it is closed.
     *
     * @param server a bound, listening socket
     * @param foreignPeer told of each connection from outside loopback, after it was closed
     */
    public static void guard(ServerSocket server, Consumer<InetAddress> foreignPeer) {
        guard(server, InetAddress::isLoopbackAddress, foreignPeer);
    }

    /** As {@link #guard(ServerSocket, Consumer)}, with the test of "local" as a seam for tests. */
    static void guard(
            ServerSocket server, Predicate<InetAddress> local, Consumer<InetAddress> foreignPeer) {
        start(
                () -> {
                    Socket socket = server.accept();
                    InetAddress peer = socket.getInetAddress();
                    try {
                        if (!local.test(peer)) {
                            socket.setSoLinger(true, 0); // a reset: nothing read, nothing lingers
                        }
                    } finally {
                        socket.close();
                    }
                    return peer;
                },
                local,
                foreignPeer);
    }

    /**
     * Guards a bound, blocking {@link ServerSocketChannel} until it is closed.
     *
     * @param channel a bound channel in blocking mode
     * @param foreignPeer told of each connection from outside loopback, after it was closed
     */
    public static void guard(ServerSocketChannel channel, Consumer<InetAddress> foreignPeer) {
        start(
                () -> {
                    SocketChannel socket = channel.accept();
                    SocketAddress peer = socket.getRemoteAddress();
                    socket.close();
                    return peer instanceof InetSocketAddress inet ? inet.getAddress() : null;
                },
                InetAddress::isLoopbackAddress,
                foreignPeer);
    }

    private interface Accept {
        InetAddress next() throws IOException;
    }

    private static void start(
            Accept accept, Predicate<InetAddress> local, Consumer<InetAddress> foreignPeer) {
        Thread thread =
                new Thread(
                        () -> {
                            while (true) {
                                InetAddress peer;
                                try {
                                    peer = accept.next();
                                } catch (IOException e) {
                                    return; // the listener was closed: the guard's work is done
                                }
                                if (peer != null && !local.test(peer)) {
                                    foreignPeer.accept(peer);
                                }
                            }
                        },
                        "wildcard-guard");
        thread.setDaemon(true);
        thread.start();
    }
}
