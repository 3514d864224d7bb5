package dev.loopbacklab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets of this machine, read from Linux's {@code /proc/net/tcp}, {@code tcp6}, {@code udp}
 * and {@code udp6}: the same source {@code netstat} used; {@code ss} asks the kernel directly.
 *
 * <pre>{@code
 * SocketTable.listening().forEach(System.out::println);
 * // tcp6 LISTEN 127.0.0.1:62893 uid=1000 inode=123456
 * SocketTable.owner(entry.inode());   // Optional[java (pid 4242)]
 * }</pre>
 *
 * <p>Java's sockets are IPv6 sockets that also speak IPv4, so a Java server on 127.0.0.1 shows up
 * in {@code tcp6}; its address is given here as plain 127.0.0.1 (the file says ::ffff:127.0.0.1).
 * On other systems {@link #available()} is false and these lists are empty; {@link #listed()} and
 * {@link #listeners()} read macOS's {@code lsof} and Windows' {@code netstat -ano} into the same
 * rows, and {@link #connections()} and {@link #count} every TCP socket, TIME_WAIT included, from
 * macOS's {@code netstat -an -p tcp} and Windows' {@code netstat -ano}.
 */
public final class SocketTable {

    private static final Path PROC_NET = Path.of("/proc/net");
    private static final List<String> TCP = List.of("tcp", "tcp6");
    private static final List<String> ALL = List.of("tcp", "tcp6", "udp", "udp6");

    private SocketTable() {}

    /**
     * One socket, one line of a {@code /proc/net} file.
     *
     * @param protocol which file it came from: "tcp", "tcp6", "udp" or "udp6"
     * @param localAddress this machine's side; 0.0.0.0 or :: for a socket bound to every address
     * @param localPort this machine's port
     * @param remoteAddress the other side; 0.0.0.0 or :: when there is none, as for a listener
     * @param remotePort the other side's port, 0 when there is none
     * @param state the socket's state, such as LISTEN or ESTABLISHED
     * @param uid the id of the user who opened it; -1 where the system's tool does not say (lsof
     *     names the user, netstat nobody)
     * @param inode the socket's id, which links it to a process (0 for TIME_WAIT leftovers, and
     *     where the tool names none: lsof, netstat)
     */
    public record Entry(
            String protocol,
            InetAddress localAddress,
            int localPort,
            InetAddress remoteAddress,
            int remotePort,
            TcpState state,
            int uid,
            long inode) {

        /** This side as text, like {@code 127.0.0.1:8080} or {@code [::1]:8080}. */
        public String localEndpoint() {
            return new Endpoint(localAddress, localPort).toString();
        }

        /** The other side as text; {@code 0.0.0.0:0} when there is none. */
        public String remoteEndpoint() {
            return new Endpoint(remoteAddress, remotePort).toString();
        }

        /** True for a TCP server socket waiting for connections. */
        public boolean isListening() {
            return state == TcpState.LISTEN && protocol.startsWith("tcp");
        }

        /** True if only this machine can reach the socket (bound to 127.0.0.0/8 or ::1). */
        public boolean isLoopbackOnly() {
            return localAddress.isLoopbackAddress();
        }

        /** Reads like {@code tcp6 LISTEN 127.0.0.1:41234 -> 0.0.0.0:0 uid=1000 inode=123456}. */
        @Override
        public String toString() {
            return protocol
                    + " "
                    + state
                    + " "
                    + localEndpoint()
                    + " -> "
                    + remoteEndpoint()
                    + " uid="
                    + uid
                    + " inode="
                    + inode;
        }
    }

    /** True if this machine has {@code /proc/net/tcp}, that is, it runs Linux. */
    public static boolean available() {
        return Files.isReadable(PROC_NET.resolve("tcp"));
    }

    /**
     * Every TCP and UDP socket, IPv4 and IPv6. Files that do not exist (no IPv6, not Linux) are
     * skipped.
     *
     * @throws UncheckedIOException if a file exists but cannot be read
     */
    public static List<Entry> read() {
        return readFiles(ALL);
    }

    /** The TCP sockets in state LISTEN: the servers waiting on this machine. */
    public static List<Entry> listening() {
        List<Entry> listening = new ArrayList<>();
        for (Entry entry : readFiles(TCP)) {
            if (entry.state() == TcpState.LISTEN) {
                listening.add(entry);
            }
        }
        return listening;
    }

    /**
     * Counts TCP sockets in a state, on one local port or on all, from {@link #connections()}: on
     * Linux, macOS and Windows alike.
     *
     * @param state for example {@link TcpState#TIME_WAIT}
     * @param localPortOrMinus1 a local port, or -1 for any port
     * @throws UncheckedIOException if this system's list cannot be read: no count is better than a
     *     false 0
     */
    public static long count(TcpState state, int localPortOrMinus1) {
        long count = 0;
        for (Entry entry : connections()) {
            if (entry.state() == state
                    && (localPortOrMinus1 < 0 || entry.localPort() == localPortOrMinus1)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Parses the text of one {@code /proc/net} file. Lines that make no sense are skipped.
     *
     * @param procFileText the whole file, header line included
     * @param protocol the file's name, stored in each entry: "tcp", "tcp6", "udp" or "udp6"
     */
    public static List<Entry> parse(String procFileText, String protocol) {
        return ProcNetParser.parse(procFileText, protocol);
    }

    /**
     * Reads what {@code lsof -nP -iTCP -sTCP:LISTEN} printed on macOS into the same rows as {@link
     * #parse}, each with the program lsof names. Lines it cannot read are skipped.
     *
     * @param lsofOutput the whole output, header line included
     * @return one row per socket
     */
    public static List<ListedSocket> parseLsof(String lsofOutput) {
        return LsofParser.parse(lsofOutput);
    }

    /**
     * Reads what {@code netstat -ano} printed on Windows, in any display language, into the same
     * rows as {@link #parse}, each with its pid. Lines it cannot read are skipped.
     *
     * @param netstatOutput the whole output, headings included
     * @return one row per socket
     */
    public static List<ListedSocket> parseNetstat(String netstatOutput) {
        return NetstatParser.parse(netstatOutput);
    }

    /**
     * Reads what {@code netstat -an -p tcp} printed on macOS (BSD layout, {@code 127.0.0.1.8080})
     * into the same rows as {@link #parse}, TIME_WAIT included. Lines it cannot read are skipped.
     *
     * @param netstatOutput the whole output, titles included
     * @return one row per TCP socket, with no owner
     */
    public static List<ListedSocket> parseBsdNetstat(String netstatOutput) {
        return BsdNetstatParser.parse(netstatOutput);
    }

    /**
     * Every TCP socket of this machine, connections and TIME_WAIT leftovers included: {@code
     * /proc/net} on Linux, {@code netstat -an -p tcp} on macOS, {@code netstat -ano} on Windows
     * (its translated states read in any display language).
     *
     * @return the rows, without owners
     * @throws UncheckedIOException if the file or the command cannot be read, or this system has no
     *     tool the lab knows
     */
    public static List<Entry> connections() {
        return SystemListing.connections(OperatingSystem.current());
    }

    /**
     * Where {@link #connections()} reads on this machine, for a learner to run it too.
     *
     * @return a file or a command line
     */
    public static String connectionsSource() {
        return SystemListing.connectionsSource(OperatingSystem.current());
    }

    /**
     * True if {@link #listed()} can read this machine's sockets: Linux with {@code /proc}, macOS
     * ({@code lsof}) and Windows ({@code netstat}).
     *
     * @return false on other systems
     */
    public static boolean listable() {
        return SystemListing.readable(OperatingSystem.current());
    }

    /**
     * Where {@link #listed()} reads from on this machine, for a learner to run it too.
     *
     * @return a file or a command line
     */
    public static String listingSource() {
        return SystemListing.source(OperatingSystem.current());
    }

    /**
     * This machine's sockets with their programs, the same rows on every system: on Linux every TCP
     * and UDP socket from {@code /proc/net}; on macOS the TCP listeners {@code lsof} shows (only
     * your own processes' without sudo); on Windows every socket {@code netstat -ano} shows.
     *
     * <pre>{@code
     * SocketTable.listed().forEach(System.out::println);
     * }</pre>
     *
     * @return the rows; empty where {@link #listable()} is false
     * @throws UncheckedIOException if the file or the command cannot be read
     */
    public static List<ListedSocket> listed() {
        return SystemListing.read(OperatingSystem.current());
    }

    /**
     * The TCP listeners of {@link #listed()}: who waits for connections on this machine, on Linux,
     * macOS and Windows alike.
     *
     * @return the listeners with their programs where known
     * @throws UncheckedIOException if the file or the command cannot be read
     */
    public static List<ListedSocket> listeners() {
        return listed().stream().filter(socket -> socket.entry().isListening()).toList();
    }

    /**
     * The TCP listeners as plain rows where this machine's list can be read, for a verdict that
     * must tell "nothing listed" from "cannot list".
     *
     * @return the rows of {@link #listeners()}; empty where {@link #listable()} is false or the
     *     system's tool failed
     */
    public static Optional<List<Entry>> listenersIfReadable() {
        if (!listable()) {
            return Optional.empty();
        }
        try {
            return Optional.of(listeners().stream().map(ListedSocket::entry).toList());
        } catch (UncheckedIOException e) {
            return Optional.empty(); // lsof or netstat failed: as if there were no list
        }
    }

    /**
     * Finds the process holding a socket by looking through every process's open files. Sockets of
     * other users' processes are usually hidden unless you are root.
     *
     * @param inode the {@link Entry#inode()} of the socket
     */
    public static Optional<SocketOwner> owner(long inode) {
        return ProcFdScanner.owner(inode);
    }

    /** Every socket inode this user may see, mapped to its process; one scan for many lookups. */
    public static Map<Long, SocketOwner> owners() {
        return ProcFdScanner.owners();
    }

    private static List<Entry> readFiles(List<String> protocols) {
        List<Entry> entries = new ArrayList<>();
        for (String protocol : protocols) {
            try {
                entries.addAll(parse(Files.readString(PROC_NET.resolve(protocol)), protocol));
            } catch (NoSuchFileException e) {
                // No IPv6 on this machine, or not Linux at all: nothing to list.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }
}
