package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * macOS's lsof and Windows' netstat, as recorded in src/test/resources/platform/, read into the
 * same rows as Linux's /proc/net.
 */
class ToolListingTest {

    private static List<String> endpoints(List<ListedSocket> sockets) {
        return sockets.stream().map(s -> s.entry().localEndpoint()).toList();
    }

    @Test
    void readsLsofListenersWithTheirProgramsAndWildcardsByType() {
        List<ListedSocket> sockets =
                SocketTable.parseLsof(PlatformFixture.load("macos/lsof-nP-listen.txt").body());

        assertEquals(
                List.of(
                        "0.0.0.0:56863",
                        "[::]:56863",
                        "0.0.0.0:7000",
                        "[::]:7000",
                        "127.0.0.1:44960"),
                endpoints(sockets));
        SocketTable.Entry first = sockets.get(0).entry();
        assertEquals("tcp", first.protocol());
        assertEquals(TcpState.LISTEN, first.state());
        assertTrue(first.isListening());
        assertEquals(-1, first.uid(), "lsof names the user, not the uid");
        assertEquals("tcp6", sockets.get(1).entry().protocol());
        assertEquals(Optional.of(new SocketOwner(510, "ControlCe")), sockets.get(2).owner());
        assertTrue(sockets.get(4).entry().isLoopbackOnly());
        assertTrue(sockets.get(2).entry().localAddress().isAnyLocalAddress());
    }

    @Test
    void leavesOutLsofRowsWhosePortIsAServiceName() {
        // Recorded without -P: "*:http" has no number to read, so it is no row of ours.
        assertEquals(
                List.of(),
                SocketTable.parseLsof(PlatformFixture.load("macos/lsof-listen.txt").body()));
        String withNumber =
                PlatformFixture.load("macos/lsof-listen.txt").body().replace("*:http", "*:80");
        assertEquals(List.of("[::]:80"), endpoints(SocketTable.parseLsof(withNumber)));
    }

    @Test
    void readsNetstatListenersWithTheirPidsInEitherLineEnding() {
        PlatformFixture fixture = PlatformFixture.load("windows/netstat-ano.txt");
        for (String text : List.of(fixture.body(), fixture.crlf())) {
            List<ListedSocket> sockets = SocketTable.parseNetstat(text);

            assertEquals(11, sockets.size(), "one row per TCP line; the heading is not one");
            ListedSocket http = sockets.get(0);
            assertEquals("0.0.0.0:80", http.entry().localEndpoint());
            assertEquals("tcp", http.entry().protocol());
            assertEquals(TcpState.LISTEN, http.entry().state());
            assertEquals(Optional.of(new SocketOwner(4, "")), http.owner());
            assertEquals("pid 4", http.owner().orElseThrow().toString());
            assertEquals(
                    "[0.0.0.0:80, 0.0.0.0:135, 0.0.0.0:445]",
                    endpoints(sockets.subList(0, 3)).toString());
            assertTrue(sockets.stream().allMatch(s -> s.entry().isListening()));
        }
    }

    @Test
    void readsNetstatInAnotherDisplayLanguage() {
        // Chinese Windows translates the headings and keeps TIME_WAIT; PID 0 owns nothing.
        List<ListedSocket> sockets =
                SocketTable.parseNetstat(PlatformFixture.load("windows/netstat-ano-zh.txt").crlf());

        assertEquals(2, sockets.size());
        SocketTable.Entry waiting = sockets.get(0).entry();
        assertEquals(TcpState.TIME_WAIT, waiting.state());
        assertEquals("127.0.0.1:8411", waiting.localEndpoint());
        assertEquals("127.0.0.1:58296", waiting.remoteEndpoint());
        assertEquals(Optional.empty(), sockets.get(0).owner());
        assertTrue(sockets.stream().noneMatch(s -> s.entry().isListening()));
    }

    @Test
    void knowsATranslatedListenerByItsForeignAddressAndOtherStatesByTheRecordedWords() {
        // A real German netstat -an: ABHÖREN (here ABH™REN, a code-page slip) for LISTENING,
        // HERGESTELLT, WARTEND, SCHLIESSEN_WARTEN, FIN_WARTEN_2 for the rest; no PID column.
        for (String text :
                List.of(
                        PlatformFixture.load("windows/netstat-an-de.txt").body(),
                        PlatformFixture.load("windows/netstat-an-de.txt").crlf())) {
            List<ListedSocket> sockets = SocketTable.parseNetstat(text);
            List<ListedSocket> tcp =
                    sockets.stream()
                            .filter(s -> s.entry().protocol().startsWith("tcp"))
                            .filter(s -> s.entry().isListening())
                            .toList();

            assertEquals(20, tcp.size(), endpoints(tcp).toString());
            assertEquals(
                    List.of(
                            "[::]:135",
                            "[::]:445",
                            "[::]:3389",
                            "[::]:4840",
                            "[::]:4843",
                            "[::]:22350"),
                    endpoints(tcp.subList(14, 20)));
            assertTrue(
                    tcp.subList(14, 20).stream()
                            .allMatch(
                                    s ->
                                            s.entry().protocol().equals("tcp6")
                                                    && s.entry()
                                                            .localAddress()
                                                            .isAnyLocalAddress()),
                    "IPv6 wildcards in brackets");
            assertEquals("127.0.0.1:49181", tcp.get(6).entry().localEndpoint());
            assertTrue(tcp.get(6).entry().isLoopbackOnly());
            assertEquals("172.17.67.120:139", tcp.get(12).entry().localEndpoint());
            assertFalse(tcp.get(12).entry().isLoopbackOnly());
            assertEquals(5, count(sockets, TcpState.TIME_WAIT), "WARTEND");
            assertEquals(4, count(sockets, TcpState.FIN_WAIT2), "FIN_WARTEN_2");
            assertEquals(7, count(sockets, TcpState.CLOSE_WAIT), "SCHLIESSEN_WARTEN");
            assertTrue(
                    sockets.stream().allMatch(s -> s.owner().isEmpty()),
                    "netstat -an names no PID");
            assertEquals(
                    6,
                    sockets.stream().filter(s -> s.entry().protocol().equals("udp")).count(),
                    "UDP rows without a PID are read as bound sockets");
        }
    }

    @Test
    void leavesOutAStateWordNoCaptureRecordedUnlessThePidSaysTimeWait() {
        // Without a PID column an unknown word is not guessed at; the listeners stay readable.
        String unknown =
                PlatformFixture.load("windows/netstat-an-de.txt")
                        .body()
                        .replace("HERGESTELLT", "UNBEKANNT");
        List<ListedSocket> sockets = SocketTable.parseNetstat(unknown);
        assertEquals(0, count(sockets, TcpState.ESTABLISHED));
        assertEquals(20, sockets.stream().filter(s -> s.entry().isListening()).count());
    }

    static long count(List<ListedSocket> sockets, TcpState state) {
        return sockets.stream().filter(s -> s.entry().state() == state).count();
    }

    @Test
    void aBoundSocketIsNotAListenerThoughItsForeignAddressIsEmptyToo() {
        String rows =
                "  TCP    0.0.0.0:0              0.0.0.0:0              BOUND           5124\n"
                        + "  TCP    127.0.0.1:7000         127.0.0.1:50000        ESTABLISHED     77\n"
                        + "  UDP    0.0.0.0:5353           *:*                                    3120\n"
                        + "  UDP    [::1]:5353             *:*                                    3120\n";
        List<ListedSocket> sockets = SocketTable.parseNetstat(rows);

        assertEquals(
                List.of(
                        TcpState.BOUND_INACTIVE,
                        TcpState.ESTABLISHED,
                        TcpState.CLOSE,
                        TcpState.CLOSE),
                sockets.stream().map(s -> s.entry().state()).toList());
        assertEquals(
                List.of("tcp", "tcp", "udp", "udp6"),
                sockets.stream().map(s -> s.entry().protocol()).toList());
        assertTrue(sockets.stream().noneMatch(s -> s.entry().isListening()));
    }

    @Test
    void skipsNonsenseInBothFormats() {
        String nonsense =
                "TCP\n  TCP    999.0.0.1:80  0.0.0.0:0  LISTENING  4\n"
                        + "  TCP    127.0.0.1:70000  0.0.0.0:0  LISTENING  4\n"
                        + "  TCP    127.0.0.1:80  0.0.0.0:0  LISTENING  -4\n"
                        + "java 12 me 3u IPv4 0x1 0t0 TCP localhost:80 (LISTEN)\n"
                        + "java x me 3u IPv4 0x1 0t0 TCP 127.0.0.1:80 (LISTEN)\n"
                        + "java 12 me 3u unix 0x1 0t0 TCP 127.0.0.1:80 (LISTEN)\n";
        assertEquals(List.of(), SocketTable.parseNetstat(nonsense));
        assertEquals(List.of(), SocketTable.parseLsof(nonsense));
    }
}
