package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.testing.OtherMachine;
import dev.loopbacklab.testing.Wait;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wildcard guard against a real other machine: a network namespace this test makes, joined by a
 * veth pair on 198.18.0.0/15, connects to this side's veth address, where a listener on 0.0.0.0
 * answers (a listener on 127.0.0.1 would not). No seam: the guard sees a peer that is not loopback
 * because it is not. Skipped where namespaces cannot be made; a failure under {@code
 * LAB_REQUIRE_NETNS=1}.
 */
class WildcardGuardOtherMachineTest {
    @RegisterExtension static final OtherMachine other = OtherMachine.forTheClass();

    @Test
    void theOtherMachineReachesAnUnguardedWildcardListener() throws Exception {
        // the control: without the guard the other machine's connection opens and waits in the
        // backlog for as long as the listener lives, or is answered by whoever accepts it
        try (ServerSocket held = new ServerSocket(0, 8, IpLiteral.parse("0.0.0.0"))) {
            assertEquals("no answer", other.knock(held.getLocalPort()));
        }
        try (ServerSocket answering = new ServerSocket(0, 8, IpLiteral.parse("0.0.0.0"))) {
            Thread server =
                    new Thread(
                            () -> {
                                try (Socket s = answering.accept()) {
                                    OutputStream out = s.getOutputStream();
                                    out.write("secret\n".getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                    s.getInputStream().read();
                                } catch (java.io.IOException e) {
                                    // the knock is over
                                }
                            });
            server.setDaemon(true);
            server.start();
            assertEquals("answered", other.knock(answering.getLocalPort()));
        }
    }

    @Test
    void aGuardedServerSocketClosesTheOtherMachinesConnectionUnreadAndNamesIt() throws Exception {
        List<InetAddress> foreign = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 8, IpLiteral.parse("0.0.0.0"))) {
            WildcardGuard.guard(server, foreign::add);
            assertEquals("closed unread", other.knock(server.getLocalPort()));
            Wait.until("the guard named the peer", () -> !foreign.isEmpty());
            assertEquals(List.of(InetAddress.getByName(other.otherAddress())), foreign);
        }
    }

    @Test
    void aGuardedChannelClosesTheOtherMachinesConnectionUnreadAndNamesIt() throws Exception {
        List<InetAddress> foreign = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new java.net.InetSocketAddress(IpLiteral.parse("0.0.0.0"), 0), 8);
            WildcardGuard.guard(channel, foreign::add);
            int port = ((java.net.InetSocketAddress) channel.getLocalAddress()).getPort();
            assertEquals("closed unread", other.knock(port));
            Wait.until("the guard named the peer", () -> !foreign.isEmpty());
            assertEquals(List.of(InetAddress.getByName(other.otherAddress())), foreign);
        }
    }
}
