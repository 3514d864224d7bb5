package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A made-up socket table, so tests know exactly what the experiments should say about it. */
final class Fixtures {
    static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when"
                    + " retrnsmt   uid  timeout inode\n";

    /** 127.0.0.1:7070 (inode 101), 0.0.0.0:22 (102), 192.0.2.7:8080 (103), an established 104. */
    static final String TCP =
            HEADER
                    + "   0: 0100007F:1B9E 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 101\n"
                    + "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 0 102\n"
                    + "   2: 070200C0:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 103\n"
                    + "   3: 0100007F:1B9E 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000 0 104\n";

    /** [::]:22 (inode 201) and [::1]:7070 (202). */
    static final String TCP6 =
            HEADER
                    + "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A"
                    + " 00000000:00000000 00:00000000 00000000     0 0 201\n"
                    + "   1: 00000000000000000000000001000000:1B9E 00000000000000000000000000000000:0000 0A"
                    + " 00000000:00000000 00:00000000 00000000  1000 0 202\n";

    /** A UDP socket bound to 127.0.0.1:7010 (state 07, inode 301). */
    static final String UDP =
            HEADER
                    + "   0: 0100007F:1B62 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000 0 301\n";

    private Fixtures() {}

    static List<SocketTable.Entry> all() {
        List<SocketTable.Entry> all = new ArrayList<>(SocketTable.parse(TCP, "tcp"));
        all.addAll(SocketTable.parse(TCP6, "tcp6"));
        all.addAll(SocketTable.parse(UDP, "udp"));
        return all;
    }

    static List<SocketTable.Entry> listening() {
        return all().stream().filter(SocketTable.Entry::isListening).toList();
    }

    /**
     * A Linux machine with the fixture table, where the owners of inodes 101 and 202 are visible.
     */
    static SocketSource linux() {
        Map<Long, SocketOwner> owners =
                Map.of(
                        101L,
                        new SocketOwner(4242, "python3"),
                        202L,
                        new SocketOwner(4243, "node"),
                        301L,
                        new SocketOwner(4244, "dnsmasq"));
        return new SocketSource(
                "Linux",
                () -> true,
                "/proc/net",
                () ->
                        all().stream()
                                .map(
                                        e ->
                                                new ListedSocket(
                                                        e,
                                                        Optional.ofNullable(owners.get(e.inode()))))
                                .toList());
    }

    /** A Mac, as lsof -nP -iTCP -sTCP:LISTEN showed one (platform/macos/lsof-nP-listen.txt). */
    static SocketSource mac() {
        String lsof = PlatformFixture.load("macos/lsof-nP-listen.txt").body();
        return new SocketSource("Mac OS X", () -> true, "lsof", () -> SocketTable.parseLsof(lsof));
    }

    /** A Windows machine, as netstat -ano showed one (platform/windows/netstat-ano.txt). */
    static SocketSource windows() {
        String netstat = PlatformFixture.load("windows/netstat-ano.txt").crlf();
        return new SocketSource(
                "Windows 11", () -> true, "netstat -ano", () -> SocketTable.parseNetstat(netstat));
    }

    /** A system whose tool failed to run. */
    static SocketSource failing(String osName) {
        return new SocketSource(
                osName,
                () -> true,
                "lsof",
                () -> {
                    throw new UncheckedIOException(new IOException("lsof exited with status 2"));
                });
    }

    /** A machine whose socket table the lab cannot read, such as FreeBSD. */
    static SocketSource without(String osName) {
        return new SocketSource(osName, () -> false, "nothing", List::of);
    }
}
