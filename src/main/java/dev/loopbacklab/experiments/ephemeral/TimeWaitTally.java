package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import java.util.List;

/**
 * The TIME_WAIT sockets of one listener's connections in a socket list: client sides are found by
 * their remote port (the listener's) on a loopback peer, the listener's side by its local port.
 *
 * @param clients client sockets in TIME_WAIT towards the port
 * @param listener sockets in TIME_WAIT on the port itself
 */
record TimeWaitTally(long clients, long listener) {

    /** Counts in {@code entries}, any system's rows alike. */
    static TimeWaitTally of(List<SocketTable.Entry> entries, int port) {
        long clients = 0;
        long listener = 0;
        for (SocketTable.Entry entry : entries) {
            if (entry.state() != TcpState.TIME_WAIT) {
                continue;
            }
            if (entry.remotePort() == port && entry.remoteAddress().isLoopbackAddress()) {
                clients++;
            }
            if (entry.localPort() == port) {
                listener++;
            }
        }
        return new TimeWaitTally(clients, listener);
    }

    /** Leaves out client sockets that waited before the sweep began. */
    TimeWaitTally since(long clientsBefore) {
        return new TimeWaitTally(Math.max(0, clients - clientsBefore), listener);
    }
}
