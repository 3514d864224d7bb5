package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who holds a TCP port on 127.0.0.1, as far as the OS lets us know: on Linux the socket table gives
 * the socket's inode and {@code /proc/<pid>/fd} the process; elsewhere nothing is known.
 */
final class PortHolders {
    private PortHolders() {}

    /**
     * One socket that keeps 127.0.0.1:port busy.
     *
     * @param entry the socket table line
     * @param owner "java (pid 4242)", or a sentence saying why the owner is unknown
     */
    record Holder(SocketTable.Entry entry, String owner) {
        /** Reads like {@code 0.0.0.0:8080 LISTEN, held by java (pid 4242)}. */
        String describe() {
            return entry.localEndpoint()
                    + " "
                    + entry.state()
                    + (entry.localAddress().isAnyLocalAddress()
                            ? " (every address, 127.0.0.1 included)"
                            : "")
                    + ", held by "
                    + owner;
        }
    }

    /**
     * The TCP sockets whose address covers 127.0.0.1 (127.0.0.1 itself, 0.0.0.0 or ::) on {@code
     * port}: listeners first; if there are none, any other socket bound there. TIME_WAIT leftovers
     * are left out: they do not stop a listener that sets SO_REUSEADDR, as the check does.
     *
     * @return the holders; empty when the OS does not tell or nothing was found
     */
    static List<Holder> of(int port) {
        if (!SocketTable.listable()) {
            return List.of();
        }
        try {
            return of(port, SocketTable.listed());
        } catch (UncheckedIOException e) {
            return List.of(); // lsof or netstat failed: the verdict says the holder is unknown
        }
    }

    /**
     * The holders among {@code sockets}, as /proc, lsof or netstat listed them.
     *
     * @param port the port
     * @param sockets the system's list
     * @return the holders, listeners first
     */
    static List<Holder> of(int port, List<ListedSocket> sockets) {
        List<ListedSocket> listeners = new ArrayList<>();
        List<ListedSocket> others = new ArrayList<>();
        for (ListedSocket socket : sockets) {
            SocketTable.Entry entry = socket.entry();
            if (entry.protocol().startsWith("tcp")
                    && entry.localPort() == port
                    && coversLoopback(entry.localAddress())
                    && entry.state() != TcpState.TIME_WAIT) {
                (entry.isListening() ? listeners : others).add(socket);
            }
        }
        List<Holder> holders = new ArrayList<>();
        for (ListedSocket socket : listeners.isEmpty() ? others : listeners) {
            holders.add(new Holder(socket.entry(), owner(socket)));
        }
        return holders;
    }

    private static boolean coversLoopback(InetAddress address) {
        return address.isAnyLocalAddress() || address.equals(IpLiteral.loopbackV4());
    }

    private static String owner(ListedSocket socket) {
        int uid = socket.entry().uid();
        return socket.owner()
                .map(SocketOwner::toString)
                .orElse(
                        uid < 0
                                ? "an unknown process"
                                : "an unknown process (user id "
                                        + uid
                                        + "; its files are hidden from this user)");
    }
}
