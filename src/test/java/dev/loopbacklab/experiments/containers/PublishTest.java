package dev.loopbacklab.experiments.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTest {
    @TempDir Path dir;

    @Test
    void closingThePublisherEndsConnectionsAClientKeepsOpen() throws Exception {
        // a client that never closes must not keep a run's pipe (and its threads) after the run
        Path socket = dir.resolve("service.sock");
        try (ServerSocketChannel service = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            service.bind(UnixDomainSocketAddress.of(socket));
            Publish published = Publish.start("127.0.0.1", 0, socket);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), published.port());
                    SocketChannel inside = service.accept()) {
                inside.write(ByteBuffer.wrap(new byte[] {'h', 'i'}));
                InputStream in = client.getInputStream();
                assertEquals('h', in.read());
                assertEquals('i', in.read());
                published.close();
                assertEquals(-1, in.read(), "the publisher closed the client's connection");
            } finally {
                published.close();
            }
        }
    }
}
