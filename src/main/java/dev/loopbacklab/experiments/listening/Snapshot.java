package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.TcpState;
import java.util.List;

/**
 * The listening sockets at one moment, and how long it took to find them.
 *
 * @param tcp the TCP sockets in state LISTEN, sorted by port
 * @param udp the UDP sockets that are bound but not connected (empty unless asked for)
 * @param readNanos time to read the table and find the owners
 */
record Snapshot(List<Listener> tcp, List<Listener> udp, long readNanos) {

    /**
     * Reads {@code source} once; keeps the UDP sockets only when {@code withUdp}.
     *
     * @throws java.io.UncheckedIOException if the system's tool cannot be run
     */
    static Snapshot take(SocketSource source, boolean withUdp) {
        long start = System.nanoTime();
        List<ListedSocket> all = source.sockets().get();
        long read = System.nanoTime() - start;
        List<ListedSocket> tcp = all.stream().filter(s -> s.entry().isListening()).toList();
        List<ListedSocket> udp =
                withUdp ? all.stream().filter(Snapshot::boundUdp).toList() : List.of();
        return new Snapshot(Listener.of(tcp), Listener.of(udp), read);
    }

    /**
     * UDP has no LISTEN: a server's socket is simply bound, state 07 (CLOSE), which {@code ss}
     * prints as UNCONN. Connected UDP sockets (state 01) are clients and are left out, as {@code ss
     * -lu} leaves them out.
     */
    private static boolean boundUdp(ListedSocket socket) {
        return socket.entry().protocol().startsWith("udp")
                && socket.entry().state() == TcpState.CLOSE;
    }

    /** How many TCP listeners have this scope. */
    long count(Scope scope) {
        return tcp.stream().filter(l -> l.scope() == scope).count();
    }

    /** How many TCP listeners belong to processes this user cannot see. */
    long hidden() {
        return tcp.stream().filter(l -> l.owner().isEmpty()).count();
    }
}
