package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketTableTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = SocketTableTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesIpv4ListenersConnectionsAndTimeWait() throws IOException {
        List<SocketTable.Entry> entries = SocketTable.parse(fixture("proc-net-tcp.txt"), "tcp");

        assertEquals(5, entries.size());
        SocketTable.Entry listener = entries.get(0);
        assertEquals("tcp", listener.protocol());
        assertEquals("127.0.0.1:7070", listener.localEndpoint());
        assertEquals("0.0.0.0:0", listener.remoteEndpoint());
        assertEquals(TcpState.LISTEN, listener.state());
        assertEquals(1000, listener.uid());
        assertEquals(12345, listener.inode());
        assertTrue(listener.isListening());
        assertTrue(listener.isLoopbackOnly());

        assertEquals("0.0.0.0:22", entries.get(1).localEndpoint());
        assertFalse(entries.get(1).isLoopbackOnly());
        assertEquals("127.0.0.1:51362", entries.get(2).remoteEndpoint());
        assertEquals(TcpState.ESTABLISHED, entries.get(2).state());

        SocketTable.Entry timeWait = entries.get(3);
        assertEquals(TcpState.TIME_WAIT, timeWait.state());
        assertEquals(0, timeWait.inode());
        assertEquals("127.0.0.2:62893", entries.get(4).localEndpoint());
    }

    @Test
    void parsesIpv6AndShowsMappedIpv4AsPlainIpv4() throws IOException {
        List<SocketTable.Entry> entries = SocketTable.parse(fixture("proc-net-tcp6.txt"), "tcp6");

        assertEquals(4, entries.size(), "the nonsense line is skipped");
        assertEquals("[::1]:62893", entries.get(0).localEndpoint());
        assertEquals("127.0.0.1:41137", entries.get(1).localEndpoint());
        assertEquals("tcp6", entries.get(1).protocol());
        assertEquals("[::]:62893", entries.get(2).localEndpoint());
        assertEquals("[fe80::1]:80", entries.get(3).localEndpoint());
        assertEquals("[::1]:54321", entries.get(3).remoteEndpoint());
        assertEquals(TcpState.TIME_WAIT, entries.get(3).state());
    }

    @Test
    void parsesUdpSocketsThatAreOnlyBound() throws IOException {
        List<SocketTable.Entry> entries = SocketTable.parse(fixture("proc-net-udp.txt"), "udp");

        assertEquals(1, entries.size());
        assertEquals("127.0.0.1:53", entries.get(0).localEndpoint());
        assertEquals(TcpState.CLOSE, entries.get(0).state());
        assertFalse(entries.get(0).isListening());
    }

    @Test
    void parsingEmptyOrHeaderOnlyTextGivesNoEntries() {
        assertEquals(List.of(), SocketTable.parse("", "tcp"));
        assertEquals(List.of(), SocketTable.parse("  sl  local_address rem_address\n", "tcp"));
    }

    @Test
    void seesOwnListeningSocketWithThisProcessAsOwnerUntilClosed() throws IOException {
        assumeTrue(SocketTable.available(), "needs Linux /proc");
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        long inode;
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(loopback, 0));
            port = server.getLocalPort();

            Optional<SocketTable.Entry> entry = findListener(port);
            assertTrue(entry.isPresent(), "listening() lists port " + port);
            assertEquals(loopback, entry.get().localAddress(), "127.0.0.1 or ::ffff:127.0.0.1");
            inode = entry.get().inode();

            Optional<SocketOwner> owner = SocketTable.owner(inode);
            assertTrue(owner.isPresent());
            assertEquals(ProcessHandle.current().pid(), owner.get().pid());
            assertEquals(owner.get(), SocketTable.owners().get(inode));
            assertEquals(1, SocketTable.count(TcpState.LISTEN, port));
        }
        assertFalse(findListener(port).isPresent(), "gone once closed");
        assertFalse(SocketTable.owner(inode).isPresent());
    }

    @Test
    void ownerOfAnUnknownInodeIsEmpty() {
        assertFalse(SocketTable.owner(0).isPresent());
        assertFalse(SocketTable.owner(-5).isPresent());
    }

    private static Optional<SocketTable.Entry> findListener(int port) {
        return SocketTable.listening().stream().filter(e -> e.localPort() == port).findFirst();
    }
}
