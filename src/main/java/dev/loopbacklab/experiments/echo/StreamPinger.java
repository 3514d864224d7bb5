package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EchoServer;
import dev.loopbacklab.net.UnixEchoServer;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Round trips over a stream socket: TCP or a Unix domain socket. The client code is the same for
 * both, so any difference in the numbers comes from the transport, not from the client.
 */
final class StreamPinger implements Pinger {
    private final AutoCloseable server;
    private final SocketChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE_BYTES);
    private final ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE_BYTES);

    private StreamPinger(AutoCloseable server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    /** A TCP connection with TCP_NODELAY to a fresh {@link EchoServer} on 127.0.0.1. */
    static StreamPinger tcp(Report report) throws IOException {
        EchoServer server = EchoServer.start("127.0.0.1", 0);
        return connect(report, server, SocketChannel::open, server.localAddress());
    }

    /** A connection to a fresh {@link UnixEchoServer}; call only if it is supported. */
    static StreamPinger unix(Report report) throws IOException {
        UnixEchoServer server = UnixEchoServer.start();
        return connect(
                report,
                server,
                () -> SocketChannel.open(StandardProtocolFamily.UNIX),
                UnixDomainSocketAddress.of(server.path()));
    }

    /** Opens a channel. */
    private interface Opener {
        SocketChannel open() throws IOException;
    }

    /**
     * Connects a new channel to {@code address}, where {@code server} listens, with TCP_NODELAY
     * where the channel has it; the run's cancellation closes both, and so does a failure here.
     */
    private static StreamPinger connect(
            Report report, AutoCloseable server, Opener opener, SocketAddress address)
            throws IOException {
        report.closeOnCancel(server);
        try {
            SocketChannel channel = opener.open();
            report.closeOnCancel(channel);
            try {
                if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                    // Without it, Nagle's algorithm may hold a small message back for ~40 ms.
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                channel.connect(address);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new StreamPinger(server, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    @Override
    public boolean roundTrip(long seq) throws IOException {
        out.clear();
        out.putLong(0, seq);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        in.clear();
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the echo server closed the connection");
            }
        }
        if (in.getLong(0) != seq) {
            throw new IOException(
                    "the echo server sent back message " + in.getLong(0) + ", not " + seq);
        }
        return true;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The descriptor is released either way.
        }
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // Our echo servers' close() does not throw; AutoCloseable's signature just says it may.
        }
    }
}
