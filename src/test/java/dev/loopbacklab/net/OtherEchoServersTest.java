package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.testing.Wait;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OtherEchoServersTest {

    @Test
    void udpServerSendsEachDatagramBack() throws IOException {
        try (UdpEchoServer server = UdpEchoServer.start(EchoServerTest.LOOPBACK, 0);
                DatagramSocket client = new DatagramSocket(0, EchoServerTest.LOOPBACK)) {
            client.setSoTimeout(30_000);
            InetSocketAddress target =
                    new InetSocketAddress(EchoServerTest.LOOPBACK, server.port());
            for (int i = 0; i < 3; i++) {
                byte[] message = ("datagram " + i).getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(message, message.length, target));
                DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
                client.receive(reply);
                assertEquals("datagram " + i, text(reply));
            }
            Wait.until("3 datagrams echoed", () -> server.datagramsEchoed() == 3);
            assertEquals("UdpEchoServer[127.0.0.1:" + server.port() + "]", server.toString());
        }
    }

    @Test
    void udpServerFreesItsPortOnClose() throws IOException {
        UdpEchoServer server = UdpEchoServer.start(EchoServerTest.LOOPBACK, 0);
        int port = server.port();
        server.close();
        server.close();
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(new InetSocketAddress(EchoServerTest.LOOPBACK, port));
        }
    }

    @Test
    void unixServerEchoesAndDeletesItsSocketFileOnClose() throws IOException {
        assumeTrue(UnixEchoServer.supported(), "no Unix domain sockets here");
        Path path;
        try (UnixEchoServer server = UnixEchoServer.start()) {
            path = server.path();
            assertTrue(Files.exists(path));
            SocketAddress address = UnixDomainSocketAddress.of(path);
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(address);
                client.write(ByteBuffer.wrap("over a file".getBytes(StandardCharsets.UTF_8)));
                ByteBuffer reply = ByteBuffer.allocate(11);
                while (reply.hasRemaining() && client.read(reply) >= 0) {
                    // blocking reads until all 11 bytes are back
                }
                assertEquals("over a file", new String(reply.array(), StandardCharsets.UTF_8));
                assertEquals("UnixEchoServer[" + path + ", 1 client]", server.toString());
            }
        }
        assertFalse(Files.exists(path));
        assertFalse(Files.exists(path.getParent()));
    }

    private static String text(DatagramPacket packet) {
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
