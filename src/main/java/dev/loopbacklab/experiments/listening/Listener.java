package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PortInfo;
import dev.loopbacklab.net.Ports;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One socket of the table with what the lab knows about it: who holds it, who can reach it, and
 * what IANA says its port is for.
 *
 * @param entry the socket, from {@code /proc/net}, {@code lsof} or {@code netstat}
 * @param owner the process holding it, if this user may see that process
 * @param scope loopback only, wildcard or a specific address
 * @param port the port's IANA category and usual service
 */
record Listener(SocketTable.Entry entry, Optional<SocketOwner> owner, Scope scope, PortInfo port) {

    /** The column headers of {@link #cells(long)}: who listens comes right after where. */
    static final List<String> HEADERS =
            List.of(
                    "address:port",
                    "process",
                    "scope",
                    "protocol",
                    "uid",
                    "IANA category",
                    "usual service");

    /** The sockets with their owners, sorted by port, then by address. */
    static List<Listener> of(List<ListedSocket> sockets) {
        List<Listener> listeners = new ArrayList<>();
        for (ListedSocket socket : sockets) {
            SocketTable.Entry entry = socket.entry();
            listeners.add(
                    new Listener(
                            entry,
                            socket.owner(),
                            Scope.of(entry.localAddress()),
                            Ports.classify(entry.localPort())));
        }
        listeners.sort(
                Comparator.comparingInt((Listener l) -> l.entry().localPort())
                        .thenComparing(l -> l.entry().localEndpoint())
                        .thenComparing(l -> l.entry().protocol()));
        return listeners;
    }

    /** True if process {@code pid} holds this socket. */
    boolean ownedBy(long pid) {
        return owner.isPresent() && owner.get().pid() == pid;
    }

    /** "java (pid 4242)", marked when it is this lab, or why the owner is unknown. */
    String ownerText(long labPid) {
        return owner.map(o -> o + (o.pid() == labPid ? " ← this lab" : ""))
                .orElse("hidden from this user");
    }

    /** One table row, in the order of {@link #HEADERS}. */
    List<String> cells(long labPid) {
        return List.of(
                entry.localEndpoint(),
                ownerText(labPid),
                scope.label(),
                entry.protocol(),
                uid(entry.uid()),
                port.category().label(),
                port.service().orElse("—"));
    }

    /**
     * A user id as a cell: "0 (root)" for the one id every Linux system names the same, "—" where
     * the system's tool names no user id (lsof, netstat).
     */
    static String uid(int uid) {
        if (uid < 0) {
            return "—";
        }
        return uid == 0 ? "0 (root)" : Integer.toString(uid);
    }
}
