package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.UdpEchoServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Round trips over UDP. A datagram can be lost, even on loopback (a full receive buffer drops it),
 * so each reply is awaited for a limited time and a reply to an earlier, given-up message is
 * recognised by its sequence number and skipped.
 */
final class UdpPinger implements Pinger {
    private final UdpEchoServer server;
    private final DatagramSocket socket;
    private final int timeoutMillis;
    private final byte[] outBytes = new byte[MESSAGE_BYTES];
    private final byte[] inBytes = new byte[MESSAGE_BYTES];
    private final DatagramPacket outPacket = new DatagramPacket(outBytes, MESSAGE_BYTES);
    private final DatagramPacket inPacket = new DatagramPacket(inBytes, MESSAGE_BYTES);

    private UdpPinger(UdpEchoServer server, DatagramSocket socket, int timeoutMillis) {
        this.server = server;
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
    }

    /** A UDP socket talking to a fresh {@link UdpEchoServer} on 127.0.0.1. */
    static UdpPinger open(Report report, int timeoutMillis) throws IOException {
        InetAddress loopback = IpLiteral.loopbackV4();
        UdpEchoServer server = UdpEchoServer.start(loopback, 0);
        report.closeOnCancel(server);
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
            report.closeOnCancel(socket);
            socket.connect(new InetSocketAddress(loopback, server.port()));
            return new UdpPinger(server, socket, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public boolean roundTrip(long seq) throws IOException {
        ByteBuffer.wrap(outBytes).putLong(0, seq);
        socket.send(outPacket);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            inPacket.setLength(MESSAGE_BYTES);
            try {
                socket.receive(inPacket);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (inPacket.getLength() == MESSAGE_BYTES
                    && ByteBuffer.wrap(inBytes).getLong(0) == seq) {
                return true;
            }
            // A late reply to a message already counted as lost: not this one, keep waiting.
        }
    }

    @Override
    public void close() {
        socket.close();
        server.close();
    }
}
