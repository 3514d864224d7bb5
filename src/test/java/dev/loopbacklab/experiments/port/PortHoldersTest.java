package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** port-busy's "Held by" lines from what Linux, macOS and Windows list. */
class PortHoldersTest {

    private static List<String> heldBy(int port, List<ListedSocket> sockets) {
        return PortHolders.of(port, sockets).stream().map(PortHolders.Holder::describe).toList();
    }

    @Test
    void onLinuxNamesTheOwnerOrSaysItsFilesAreHidden() {
        String proc =
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                        + "  timeout inode\n"
                        + "   0: 0100007F:1B9E 00000000:0000 0A 00000000:00000000 00:00000000"
                        + " 00000000  1000 0 101\n"
                        + "   1: 0100007F:1B9E 0100007F:C350 06 00000000:00000000 00:00000000"
                        + " 00000000     0 0 0\n";
        List<SocketTable.Entry> entries = SocketTable.parse(proc, "tcp");
        assertEquals(
                List.of("127.0.0.1:7070 LISTEN, held by python3 (pid 4242)"),
                heldBy(
                        7070,
                        List.of(
                                new ListedSocket(
                                        entries.get(0),
                                        Optional.of(new SocketOwner(4242, "python3"))),
                                new ListedSocket(entries.get(1), Optional.empty()))),
                "the TIME_WAIT leftover is no holder");
        assertEquals(
                List.of(
                        "127.0.0.1:7070 LISTEN, held by an unknown process (user id 1000; its"
                                + " files are hidden from this user)"),
                heldBy(7070, List.of(new ListedSocket(entries.get(0), Optional.empty()))));
    }

    @Test
    void onMacosNamesTheProgramLsofListsForBothWildcards() {
        List<ListedSocket> lsof =
                SocketTable.parseLsof(PlatformFixture.load("macos/lsof-nP-listen.txt").body());
        assertEquals(
                List.of(
                        "0.0.0.0:7000 LISTEN (every address, 127.0.0.1 included), held by"
                                + " ControlCe (pid 510)",
                        "[::]:7000 LISTEN (every address, 127.0.0.1 included), held by ControlCe"
                                + " (pid 510)"),
                heldBy(7000, lsof));
        assertEquals(List.of(), heldBy(7010, lsof));
    }

    @Test
    void onWindowsNamesThePidNetstatGives() {
        List<ListedSocket> netstat =
                SocketTable.parseNetstat(PlatformFixture.load("windows/netstat-ano.txt").crlf());
        assertEquals(
                List.of("0.0.0.0:445 LISTEN (every address, 127.0.0.1 included), held by pid 4"),
                heldBy(445, netstat));
    }
}
