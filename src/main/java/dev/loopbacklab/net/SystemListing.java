package dev.loopbacklab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lists this machine's sockets the way its own tools do: Linux's {@code /proc/net} with owners from
 * {@code /proc/<pid>/fd}, macOS's {@code lsof}, Windows' {@code netstat -ano}; the rows are the
 * same on all three ({@link ListedSocket}). {@link SocketTable} is the public face.
 */
final class SystemListing {
    /** lsof can take a few seconds on a Mac with many open files; never wait for ever. */
    private static final long COMMAND_TIMEOUT_MILLIS = 10_000;

    static final String[] LSOF = {"lsof", "-nP", "-iTCP", "-sTCP:LISTEN"};
    static final String[] NETSTAT = {"netstat", "-ano"};

    /**
     * macOS: lsof lists only sockets that are still open files, so TIME_WAIT (which belongs to no
     * file any more) needs netstat. {@code -p tcp} there means IPv4 and IPv6 alike.
     */
    static final String[] NETSTAT_BSD = {"netstat", "-an", "-p", "tcp"};

    private SystemListing() {}

    /** True if {@link #read(OperatingSystem)} has something to read on {@code os}. */
    static boolean readable(OperatingSystem os) {
        return switch (os) {
            case LINUX -> SocketTable.available();
            // Both tools are part of the system: lsof ships with macOS, netstat with Windows.
            case MAC, WINDOWS -> true;
            case OTHER -> false;
        };
    }

    /** Where the rows come from on {@code os}, as a learner would type it. */
    static String source(OperatingSystem os) {
        return switch (os) {
            case LINUX -> "/proc/net/tcp, tcp6, udp and udp6, owners from /proc/<pid>/fd";
            case MAC -> String.join(" ", LSOF) + " (only your own processes' sockets without sudo)";
            case WINDOWS -> String.join(" ", NETSTAT);
            case OTHER -> "nothing: the lab does not know this system's tools";
        };
    }

    /**
     * Every socket the system's tool lists: on Linux every TCP and UDP socket; on macOS the TCP
     * listeners of this user's processes; on Windows every TCP and UDP socket.
     *
     * @throws UncheckedIOException if the tool cannot run or fails
     */
    static List<ListedSocket> read(OperatingSystem os) {
        try {
            return switch (os) {
                case LINUX -> withOwners(SocketTable.read(), SocketTable.owners());
                case MAC -> LsofParser.parse(Commands.run(COMMAND_TIMEOUT_MILLIS, 1, LSOF));
                case WINDOWS ->
                        named(NetstatParser.parse(Commands.run(COMMAND_TIMEOUT_MILLIS, NETSTAT)));
                case OTHER -> List.of();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where {@link #connections(OperatingSystem)} reads on {@code os}, as a learner would type it.
     */
    static String connectionsSource(OperatingSystem os) {
        return switch (os) {
            case LINUX -> "/proc/net/tcp and tcp6";
            case MAC -> String.join(" ", NETSTAT_BSD);
            case WINDOWS -> String.join(" ", NETSTAT);
            case OTHER -> "nothing: the lab does not know this system's tools";
        };
    }

    /**
     * Every TCP socket the system lists, connections and TIME_WAIT leftovers included. Windows runs
     * {@code netstat -ano}: not {@code -p tcp}, which lists IPv4 only (IPv6 is {@code -p tcpv6}),
     * and not PowerShell's {@code Get-NetTCPConnection}, whose state names are English in every
     * language but whose start-up costs far more than netstat's (often a second or more); {@link
     * NetstatParser} reads netstat's translated states instead.
     *
     * @throws UncheckedIOException if the tool cannot run or fails, or the system has none
     */
    static List<SocketTable.Entry> connections(OperatingSystem os) {
        try {
            List<SocketTable.Entry> entries =
                    switch (os) {
                        case LINUX -> procNet();
                        case MAC ->
                                readable(
                                        Commands.run(COMMAND_TIMEOUT_MILLIS, NETSTAT_BSD),
                                        BsdNetstatParser::parse);
                        case WINDOWS ->
                                readable(
                                        Commands.run(COMMAND_TIMEOUT_MILLIS, NETSTAT),
                                        NetstatParser::parse);
                        case OTHER ->
                                throw new IOException(
                                        "the lab knows no tool that lists sockets on this system");
                    };
            return entries.stream().filter(entry -> entry.protocol().startsWith("tcp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux's rows; a missing /proc is a failure, never an empty list. */
    private static List<SocketTable.Entry> procNet() throws IOException {
        if (!SocketTable.available()) {
            throw new IOException("/proc/net/tcp cannot be read");
        }
        return SocketTable.read();
    }

    /**
     * The TCP rows {@code parser} reads in a tool's {@code output}; if the tool printed TCP rows
     * and none could be read (a format the lab does not know), that is a failure, not an empty
     * list: the lab must not report 0 sockets it could not see.
     */
    static List<SocketTable.Entry> readable(
            String output, Function<String, List<ListedSocket>> parser) throws IOException {
        List<SocketTable.Entry> entries =
                parser.apply(output).stream()
                        .map(ListedSocket::entry)
                        .filter(entry -> entry.protocol().startsWith("tcp"))
                        .toList();
        long printed =
                output.lines()
                        .filter(line -> line.strip().toLowerCase(Locale.ROOT).startsWith("tcp"))
                        .count();
        if (entries.isEmpty() && printed > 0) {
            throw new IOException(
                    "it printed " + printed + " TCP rows in a form the lab cannot read");
        }
        return entries;
    }

    /** Linux: the rows of /proc with the owners found by inode. */
    static List<ListedSocket> withOwners(
            List<SocketTable.Entry> entries, Map<Long, SocketOwner> owners) {
        List<ListedSocket> listed = new ArrayList<>(entries.size());
        for (SocketTable.Entry entry : entries) {
            listed.add(new ListedSocket(entry, Optional.ofNullable(owners.get(entry.inode()))));
        }
        return listed;
    }

    /** Windows: netstat gives only the pid; the JDK can name the processes this user may see. */
    private static List<ListedSocket> named(List<ListedSocket> sockets) {
        List<ListedSocket> named = new ArrayList<>(sockets.size());
        for (ListedSocket socket : sockets) {
            named.add(
                    new ListedSocket(
                            socket.entry(),
                            socket.owner()
                                    .map(o -> new SocketOwner(o.pid(), programName(o.pid())))));
        }
        return named;
    }

    private static String programName(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().command())
                .map(command -> Path.of(command).getFileName().toString())
                .orElse("");
    }
}
