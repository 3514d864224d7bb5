package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listening sockets at one moment, and how long it took to find them.
 *
 * @param tcp the TCP sockets in state LISTEN, sorted by port
 * @param udp the UDP sockets that are bound but not connected (empty unless asked for)
 * @param readNanos time to read and parse the {@code /proc/net} files
 * @param ownerNanos time to scan every process's open files for the owners
 */
record Snapshot(List<Listener> tcp, List<Listener> udp, long readNanos, long ownerNanos) {

    /** Reads {@code source} once; the UDP files only when {@code withUdp}. */
    static Snapshot take(SocketSource source, boolean withUdp) {
        long start = System.nanoTime();
        List<SocketTable.Entry> tcp = source.listening().get();
        List<SocketTable.Entry> udp = withUdp ? boundUdp(source.all().get()) : List.of();
        long read = System.nanoTime();
        Map<Long, SocketOwner> owners = source.owners().get();
        long owned = System.nanoTime();
        return new Snapshot(
                Listener.of(tcp, owners), Listener.of(udp, owners), read - start, owned - read);
    }

    /**
     * UDP has no LISTEN: a server's socket is simply bound, state 07 (CLOSE), which {@code ss}
     * prints as UNCONN. Connected UDP sockets (state 01) are clients and are left out, as {@code ss
     * -lu} leaves them out.
     */
    private static List<SocketTable.Entry> boundUdp(List<SocketTable.Entry> all) {
        List<SocketTable.Entry> bound = new ArrayList<>();
        for (SocketTable.Entry entry : all) {
            if (entry.protocol().startsWith("udp") && entry.state() == TcpState.CLOSE) {
                bound.add(entry);
            }
        }
        return bound;
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
