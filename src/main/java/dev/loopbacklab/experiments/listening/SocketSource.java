package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where the socket table comes from. Outside tests it is this machine's: {@code /proc} on Linux,
 * {@code lsof} on macOS, {@code netstat -ano} on Windows, all read into the same rows. Tests give
 * recorded tables, so that they can be any of the three, or a user who cannot see other processes.
 *
 * @param osName the {@code os.name} to name commands for, such as "Linux" or "Mac OS X"
 * @param available whether the table can be read at all
 * @param from what the rows were read from, as a learner would type it
 * @param sockets every socket the table lists, with its owner where known
 */
record SocketSource(
        String osName,
        BooleanSupplier available,
        String from,
        Supplier<List<ListedSocket>> sockets) {

    /** This machine, read through {@link SocketTable#listed()}. */
    static SocketSource real() {
        return new SocketSource(
                System.getProperty("os.name", "unknown"),
                SocketTable::listable,
                SocketTable.listingSource(),
                SocketTable::listed);
    }

    /** The family of {@link #osName()}. */
    OperatingSystem os() {
        return OperatingSystem.of(osName);
    }
}
