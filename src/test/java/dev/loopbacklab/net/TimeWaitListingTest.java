package dev.loopbacklab.net;

import static dev.loopbacklab.net.ToolListingTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TIME_WAIT as each system's tool shows it, from the captures in src/test/resources/platform/:
 * macOS's BSD netstat, a German and a Chinese Windows netstat -ano, and Linux's /proc live.
 */
class TimeWaitListingTest {

    @Test
    void readsMacNetstatRowsWithTheirDottedPortsAndLeavesTheRestOut() {
        List<ListedSocket> sockets =
                SocketTable.parseBsdNetstat(
                        PlatformFixture.load("macos/netstat-vanp-tcp-time-wait.txt").body());

        assertEquals(2, sockets.size(), "the prompt and the titles are no rows");
        SocketTable.Entry listener = sockets.get(0).entry();
        assertEquals("[::]:2222", listener.localEndpoint());
        assertEquals("tcp6", listener.protocol());
        assertTrue(listener.isListening());
        SocketTable.Entry waiting = sockets.get(1).entry();
        assertEquals(TcpState.TIME_WAIT, waiting.state());
        assertEquals("[::1]:58090", waiting.localEndpoint());
        assertEquals("[::1]:2222", waiting.remoteEndpoint());
        assertTrue(waiting.remoteAddress().isLoopbackAddress());
        assertTrue(sockets.stream().allMatch(s -> s.owner().isEmpty()));
    }

    @Test
    void readsTheBsdWildcardsOfEachFamily() {
        // The same capture's columns, as netstat -an -p tcp prints an IPv4 and a dual-stack row.
        String body = PlatformFixture.load("macos/netstat-vanp-tcp-time-wait.txt").body();
        String row = body.lines().filter(l -> l.contains("TIME_WAIT")).findFirst().orElseThrow();
        String v4 =
                row.replace("tcp6", "tcp4")
                        .replace("::1.58090", "127.0.0.1.58090")
                        .replace("::1.2222 ", "127.0.0.1.2222 ");
        String dual = body.lines().filter(l -> l.contains("LISTEN ")).findFirst().orElseThrow();
        List<ListedSocket> sockets =
                SocketTable.parseBsdNetstat(v4 + "\n" + dual.replace("tcp6", "tcp46"));

        assertEquals("127.0.0.1:58090", sockets.get(0).entry().localEndpoint());
        assertEquals("127.0.0.1:2222", sockets.get(0).entry().remoteEndpoint());
        assertEquals("tcp", sockets.get(0).entry().protocol());
        assertEquals("[::]:2222", sockets.get(1).entry().localEndpoint(), "tcp46 is dual-stack");
        assertEquals("[::]:0", sockets.get(1).entry().remoteEndpoint(), "*.* is no peer");
    }

    @Test
    void readsGermanTimeWaitAndKeepsEveryOtherStateWithItsProgram() {
        PlatformFixture german = PlatformFixture.load("windows/netstat-ano-de.txt");
        for (String text : List.of(german.body(), german.crlf())) {
            List<ListedSocket> sockets = SocketTable.parseNetstat(text);

            assertEquals(31, count(sockets, TcpState.TIME_WAIT), "the WARTEND rows");
            assertTrue(
                    sockets.stream()
                            .filter(s -> s.entry().state() == TcpState.TIME_WAIT)
                            .allMatch(s -> s.owner().isEmpty()),
                    "PID 0 owns nothing");
            ListedSocket finWait =
                    sockets.stream()
                            .filter(s -> s.entry().state() == TcpState.FIN_WAIT2)
                            .findFirst()
                            .orElseThrow();
            assertEquals(Optional.of(new SocketOwner(2588, "")), finWait.owner());
            assertEquals(1, count(sockets, TcpState.CLOSE_WAIT), "SCHLIESSEN_WARTEN");
            assertEquals(24, count(sockets, TcpState.ESTABLISHED), "HERGESTELLT");
            assertEquals(45, sockets.stream().filter(s -> s.entry().isListening()).count());
        }
    }

    @Test
    void knowsTimeWaitByPidZeroInALanguageNoCaptureRecorded() {
        // The German capture with its TIME_WAIT word replaced by one the parser has never seen:
        // PID 0 alone must still say TIME_WAIT, and an unknown word with a PID is left out.
        String body = PlatformFixture.load("windows/netstat-ano-de.txt").body();
        assertTrue(
                body.lines().filter(l -> l.contains(" WARTEND ")).allMatch(l -> l.endsWith(" 0")));
        List<ListedSocket> sockets =
                SocketTable.parseNetstat(
                        body.replace(" WARTEND ", " UNBEKANNT ")
                                .replace("HERGESTELLT", "UNBEKANNT"));

        assertEquals(31, count(sockets, TcpState.TIME_WAIT));
        assertEquals(0, count(sockets, TcpState.ESTABLISHED));
        assertFalse(
                sockets.stream()
                        .anyMatch(
                                s ->
                                        s.entry().state() == TcpState.TIME_WAIT
                                                && s.owner().isPresent()));
    }

    @Test
    void aKnownWordWinsOverPidZero() {
        // A FIN_WAIT_2 whose program is gone could show PID 0; its own word still says what it is.
        String row =
                PlatformFixture.load("windows/netstat-ano-de.txt")
                        .body()
                        .lines()
                        .filter(l -> l.contains("FIN_WARTEN_2"))
                        .findFirst()
                        .orElseThrow()
                        .replace("2588", "0");
        assertEquals(TcpState.FIN_WAIT2, SocketTable.parseNetstat(row).get(0).entry().state());
    }

    @Test
    void readsChineseTimeWaitInEnglishWords() {
        List<ListedSocket> sockets =
                SocketTable.parseNetstat(PlatformFixture.load("windows/netstat-ano-zh.txt").crlf());
        assertEquals(2, count(sockets, TcpState.TIME_WAIT));
    }

    @Test
    void namesTheCommandALearnerCanTypeOnEachSystem() {
        assertEquals("netstat -an -p tcp", SystemListing.connectionsSource(OperatingSystem.MAC));
        assertEquals("netstat -ano", SystemListing.connectionsSource(OperatingSystem.WINDOWS));
        assertTrue(SystemListing.connectionsSource(OperatingSystem.LINUX).contains("/proc/net"));
    }

    @Test
    void rowsInAFormTheLabCannotReadAreAFailureNotZeroSockets() throws IOException {
        // Windows' rows handed to the macOS reader: netstat ran, but the lab saw nothing it knows.
        String windows = PlatformFixture.load("windows/netstat-ano-de.txt").body();
        IOException failure =
                assertThrows(
                        IOException.class,
                        () -> SystemListing.readable(windows, BsdNetstatParser::parse));
        assertTrue(failure.getMessage().contains("in a form the lab cannot read"));

        String mac = PlatformFixture.load("macos/netstat-vanp-tcp-time-wait.txt").body();
        assertEquals(2, SystemListing.readable(mac, BsdNetstatParser::parse).size());
        assertEquals(
                List.of(),
                SystemListing.readable(
                        mac.lines().limit(1).toList().get(0), BsdNetstatParser::parse),
                "a list that printed no TCP row holds none");
    }

    @Test
    void aSystemWithoutAKnownToolIsAFailureNotAnEmptyList() {
        UncheckedIOException failure =
                assertThrows(
                        UncheckedIOException.class,
                        () -> SystemListing.connections(OperatingSystem.OTHER));
        assertTrue(failure.getCause().getMessage().contains("knows no tool"));
    }

    @Test
    void listsThisMachinesTcpSocketsOnly() throws IOException {
        if (!SocketTable.available()) {
            return; // the live reading of this machine is Linux's; the others are read above
        }
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(IpLiteral.loopbackV4(), 0));
            List<SocketTable.Entry> entries = SocketTable.connections();
            assertTrue(
                    entries.stream()
                            .anyMatch(
                                    e -> e.isListening() && e.localPort() == server.getLocalPort()),
                    entries.toString());
            assertTrue(entries.stream().allMatch(e -> e.protocol().startsWith("tcp")));
        }
    }
}
