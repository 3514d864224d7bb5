package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where the socket table comes from. Outside tests it is this machine's {@code /proc}; tests give
 * fixtures, so that they can pretend to be macOS or a user who cannot see other processes.
 *
 * @param osName the {@code os.name} to name commands for, such as "Linux" or "Mac OS X"
 * @param available whether the table can be read at all (Linux: yes)
 * @param listening the TCP sockets in state LISTEN
 * @param all every TCP and UDP socket, for the UDP table
 * @param owners socket inode to process, for the processes this user may see
 */
record SocketSource(
        String osName,
        BooleanSupplier available,
        Supplier<List<SocketTable.Entry>> listening,
        Supplier<List<SocketTable.Entry>> all,
        Supplier<Map<Long, SocketOwner>> owners) {

    /** This machine, read through {@link SocketTable}. */
    static SocketSource real() {
        return new SocketSource(
                System.getProperty("os.name", "unknown"),
                SocketTable::available,
                SocketTable::listening,
                SocketTable::read,
                SocketTable::owners);
    }
}
