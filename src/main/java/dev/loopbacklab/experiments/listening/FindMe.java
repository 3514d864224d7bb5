package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.WildcardGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts two servers in this JVM, one on 127.0.0.1 and one on 0.0.0.0, finds both in the OS's
 * socket table with this JVM as their owner, and decodes one raw {@code /proc/net} line by hand.
 */
final class FindMe extends AbstractExperiment {
    private static final List<String> FILES = List.of("tcp", "tcp6");

    FindMe() {
        super(
                "listening-find-me",
                "Find this lab's own servers in the table",
                "Starts a server on 127.0.0.1 and one on 0.0.0.0, finds both in the socket table with"
                        + " this process as owner (/proc/net/tcp* on Linux, lsof on macOS, netstat"
                        + " on Windows), and on Linux decodes one raw line field by field.");
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        long pid = ProcessHandle.current().pid();
        InetAddress loopback = IpLiteral.loopbackV4();
        InetAddress wildcard = InetAddress.getByAddress(new byte[] {0, 0, 0, 0});
        try (ServerSocket inside = new ServerSocket(0, 50, loopback);
                ServerSocket everywhere = new ServerSocket(0, 50, wildcard)) {
            report.closeOnCancel(inside);
            report.closeOnCancel(everywhere);
            WildcardGuard.guard(
                    everywhere,
                    peer ->
                            report.warn(
                                    "A connection from "
                                            + IpLiteral.format(peer)
                                            + " reached the 0.0.0.0 server and was closed unread."));
            report.say(
                    "Started two servers in this JVM (pid "
                            + pid
                            + "): one bound to 127.0.0.1:"
                            + inside.getLocalPort()
                            + ", one bound to 0.0.0.0:"
                            + everywhere.getLocalPort()
                            + ".");
            if (!SocketTable.available()) {
                elsewhere(inside.getLocalPort(), everywhere.getLocalPort(), pid, report);
                return;
            }
            Map<String, String> files = readFiles();
            Map<Long, SocketOwner> owners = SocketTable.owners();
            List<Found> found = new ArrayList<>();
            found.add(find("127.0.0.1:" + inside.getLocalPort(), inside.getLocalPort(), files));
            found.add(
                    find("0.0.0.0:" + everywhere.getLocalPort(), everywhere.getLocalPort(), files));
            report.table(
                    "Both servers in the socket table",
                    List.of("asked for", "listed as", "file", "scope", "owner", "this JVM?"),
                    found.stream().map(f -> f.cells(owners, pid)).toList());
            List<List<String>> raw =
                    found.stream()
                            .filter(f -> f.line() != null)
                            .map(f -> f.line().cells())
                            .toList();
            List<String> headers = new ArrayList<>(List.of("file"));
            headers.addAll(RawLine.COLUMNS);
            report.table(
                    "The same two lines, raw, as the kernel wrote them (more columns follow)",
                    headers,
                    raw);
            Found first = found.get(0);
            if (first.line() == null) {
                report.warn(
                        "The 127.0.0.1 server is missing from /proc/net/tcp and tcp6: is this JVM in"
                                + " another network namespace than /proc/net shows?");
                return;
            }
            report.table(
                    "Decoding the line of " + first.asked() + ", field by field",
                    LineDecoding.HEADERS,
                    LineDecoding.rows(
                            first.line(),
                            first.entry(),
                            ByteOrder.nativeOrder(),
                            FdLinks.find(pid, first.entry().inode())));
            report.say(
                    "Java opened both as IPv6 sockets that also accept IPv4 (dual-stack), so they"
                            + " are usually in tcp6: 127.0.0.1 as ::ffff:127.0.0.1, and 0.0.0.0 as ::, which also"
                            + " takes IPv6 connections. Both servers are closed when this run ends.");
        }
    }

    /**
     * macOS and Windows: no /proc to decode, but lsof or netstat still lists both servers, and the
     * table says so with this JVM as their owner.
     */
    private static void elsewhere(int inside, int everywhere, long pid, Report report) {
        String os = System.getProperty("os.name", "unknown");
        String look = " — and look for ports " + inside + " and " + everywhere + ".";
        if (!SocketTable.listable()) {
            report.warn(OsCommands.unavailable(os) + look);
            return;
        }
        List<ListedSocket> listed;
        try {
            listed = SocketTable.listeners();
        } catch (UncheckedIOException e) {
            report.warn(OsCommands.failed(SocketTable.listingSource(), e, os) + look);
            return;
        }
        report.table(
                "Both servers as " + SocketTable.listingSource() + " lists them",
                LISTED_HEADERS,
                listedRows(
                        List.of("127.0.0.1:" + inside, "0.0.0.0:" + everywhere),
                        List.of(inside, everywhere),
                        listed,
                        pid));
        report.say(
                "Decoding a raw line is Linux's part of this lesson: /proc/net/tcp is its kernel's"
                        + " text. Here the lab read the rows of "
                        + SocketTable.listingSource()
                        + " instead. Both servers are closed when this run ends.");
    }

    static final List<String> LISTED_HEADERS =
            List.of("asked for", "listed as", "protocol", "scope", "owner", "this JVM?");

    /**
     * The rows of the table above, one per listed socket on each port (a dual-stack wildcard is
     * listed once, an IPv4 and an IPv6 socket twice), or "not found".
     */
    static List<List<String>> listedRows(
            List<String> asked, List<Integer> ports, List<ListedSocket> listed, long pid) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            List<ListedSocket> here =
                    listed.stream()
                            .filter(s -> s.entry().isListening() && s.entry().localPort() == port)
                            .toList();
            if (here.isEmpty()) {
                rows.add(List.of(asked.get(i), "not found", "—", "—", "—", "—"));
            }
            for (ListedSocket socket : here) {
                rows.add(
                        List.of(
                                asked.get(i),
                                socket.entry().localEndpoint(),
                                socket.entry().protocol(),
                                Scope.of(socket.entry().localAddress()).label(),
                                socket.owner().map(SocketOwner::toString).orElse("hidden"),
                                socket.owner().filter(o -> o.pid() == pid).isPresent()
                                        ? "yes"
                                        : "no"));
            }
        }
        return rows;
    }

    /** One server as the table lists it; {@code line} and {@code entry} are null if not found. */
    private record Found(String asked, RawLine line, SocketTable.Entry entry) {
        List<String> cells(Map<Long, SocketOwner> owners, long pid) {
            if (entry == null) {
                return List.of(asked, "not found", "—", "—", "—", "—");
            }
            Optional<SocketOwner> owner = Optional.ofNullable(owners.get(entry.inode()));
            return List.of(
                    asked,
                    entry.localEndpoint(),
                    "/proc/net/" + entry.protocol(),
                    Scope.of(entry.localAddress()).label(),
                    owner.map(SocketOwner::toString).orElse("hidden"),
                    owner.isPresent() && owner.get().pid() == pid ? "yes" : "no");
        }
    }

    private static Found find(String asked, int port, Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            for (SocketTable.Entry entry : SocketTable.parse(file.getValue(), file.getKey())) {
                if (entry.isListening() && entry.localPort() == port) {
                    Optional<RawLine> line =
                            RawLine.find(file.getKey(), file.getValue(), entry.inode());
                    if (line.isPresent()) {
                        return new Found(asked, line.get(), entry);
                    }
                }
            }
        }
        return new Found(asked, null, null);
    }

    /** The text of /proc/net/tcp and tcp6, read once so the raw lines match the parsed ones. */
    private static Map<String, String> readFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : FILES) {
            try {
                files.put(file, Files.readString(Path.of("/proc/net", file)));
            } catch (NoSuchFileException e) {
                // no IPv6 on this machine
            }
        }
        return files;
    }
}
