package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LeakTest {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void startingAndClosingFiftyServersLeavesNoFilesOrThreadsBehind() throws Exception {
        assumeTrue(Files.isDirectory(OWN_FDS), "needs Linux /proc");
        warmUp(); // the first use of NIO opens a few files that stay open for good
        long filesBefore = openFiles();
        int threadsBefore = Thread.activeCount();

        for (int i = 0; i < 50; i++) {
            try (EchoServer tcp = EchoServer.start();
                    EchoClient a = EchoClient.connect(tcp.address(), tcp.port(), TIMEOUT);
                    EchoClient b = EchoClient.connect(tcp.address(), tcp.port(), TIMEOUT);
                    UdpEchoServer udp = UdpEchoServer.start()) {
                a.roundTrip("a" + i);
                b.roundTrip("b" + i);
                ProbeResult probe = Probe.connect(tcp.address(), tcp.port(), TIMEOUT);
                assertTrue(probe.connected());
                assertTrue(udp.port() > 0);
            }
            if (UnixEchoServer.supported()) {
                UnixEchoServer.start().close();
            }
        }

        // files and threads of earlier tests may go away meanwhile: only growth means a leak
        long filesAfter = openFiles();
        assertTrue(
                filesAfter <= filesBefore + 3,
                "open files grew from " + filesBefore + " to " + filesAfter);
        int threadsAfter = Thread.activeCount();
        assertTrue(
                threadsAfter <= threadsBefore + 2,
                "live threads grew from " + threadsBefore + " to " + threadsAfter);
    }

    private static void warmUp() throws IOException {
        try (EchoServer server = EchoServer.start();
                EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT);
                UdpEchoServer udp = UdpEchoServer.start()) {
            client.roundTrip("warm");
            assertTrue(udp.port() > 0);
        }
        if (UnixEchoServer.supported()) {
            UnixEchoServer.start().close();
        }
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> files = Files.list(OWN_FDS)) {
            return files.count();
        }
    }
}
