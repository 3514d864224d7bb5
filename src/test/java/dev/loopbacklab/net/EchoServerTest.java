package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.Wait;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    /** Only a bound for a hung socket (JUnit's timeout is the real one), never a speed claim. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final InetAddress LOOPBACK = AddressText.parse("127.0.0.1");

    @Test
    void echoesHelloBack() throws IOException {
        try (EchoServer server = EchoServer.start();
                EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
            assertEquals("hello", client.roundTrip("hello"));
            assertEquals("héllo, 世界", client.roundTrip("héllo, 世界"));
            long expected = 5 + "héllo, 世界".getBytes(StandardCharsets.UTF_8).length;
            Wait.until("bytes echoed = " + expected, () -> server.bytesEchoed() == expected);
        }
    }

    @Test
    void startsOnLoopbackWithAPortChosenByTheOs() throws IOException {
        try (EchoServer server = EchoServer.start()) {
            assertEquals(LOOPBACK, server.address());
            assertTrue(server.port() > 0);
            assertEquals(new InetSocketAddress(LOOPBACK, server.port()), server.localAddress());
        }
    }

    @Test
    void servesManyClientsAtOnce() throws Exception {
        int clients = 20;
        int roundTrips = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (EchoServer server = EchoServer.start()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                results.add(
                        pool.submit(
                                () -> {
                                    try (EchoClient client =
                                            EchoClient.connect(
                                                    server.address(), server.port(), TIMEOUT)) {
                                        int ok = 0;
                                        for (int i = 0; i < roundTrips; i++) {
                                            String message = "client " + id + " message " + i;
                                            ok += message.equals(client.roundTrip(message)) ? 1 : 0;
                                        }
                                        return ok;
                                    }
                                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(roundTrips, result.get());
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void echoesOneMebibyteIntact() throws IOException {
        byte[] message = new byte[1024 * 1024];
        new Random(42).nextBytes(message);
        try (EchoServer server = EchoServer.start();
                EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
            assertArrayEquals(message, client.roundTrip(message));
            Wait.until("1 MiB echoed", () -> server.bytesEchoed() == message.length);
        }
    }

    @Test
    void aBulkSenderDoesNotStarveAClientThatTalksInSmallMessages() throws Exception {
        // One thread serves every client: while one streams in bulk (reads that fill the buffer,
        // which
        // the loop follows with more reads), the others must still get their turns.
        try (EchoServer server = EchoServer.start();
                Socket bulk = new Socket(server.address(), server.port());
                EchoClient small = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
            AtomicBoolean done = new AtomicBoolean();
            Thread writer =
                    new Thread(
                            () -> {
                                byte[] chunk = new byte[EchoLoop.BUFFER_SIZE];
                                try {
                                    while (!done.get()) {
                                        bulk.getOutputStream().write(chunk);
                                    }
                                } catch (IOException e) {
                                    // the socket closed at the end of the test
                                }
                            },
                            "test-bulk-writer");
            Thread reader =
                    new Thread(
                            () -> {
                                byte[] sink = new byte[EchoLoop.BUFFER_SIZE];
                                try {
                                    while (bulk.getInputStream().read(sink) >= 0) {
                                        // drain the echo so the bulk stream keeps flowing
                                    }
                                } catch (IOException e) {
                                    // the socket closed at the end of the test
                                }
                            },
                            "test-bulk-reader");
            writer.start();
            reader.start();
            try {
                Wait.until(
                        "the bulk stream flowing",
                        () -> server.bytesEchoed() > 4L * EchoLoop.BUFFER_SIZE);
                for (int i = 0; i < 50; i++) {
                    assertEquals("small " + i, small.roundTrip("small " + i));
                }
                // The writer writes until told to stop: still alive means the small client was
                // served while the bulk stream flowed, not after it. Starved, the round trips
                // above would hang until JUnit's timeout.
                assertTrue(writer.isAlive(), "the bulk writer stopped before the small client");
            } finally {
                done.set(true);
                bulk.shutdownOutput(); // unblocks both threads; try-with-resources closes the
                // socket
                bulk.shutdownInput();
                writer.join();
                reader.join();
            }
        }
    }

    @Test
    void closeEndsEveryClientAndFreesThePort() throws IOException {
        EchoServer server = EchoServer.start();
        int port = server.port();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket(LOOPBACK, port);
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                sockets.add(socket);
                socket.getOutputStream().write('x');
                assertEquals('x', socket.getInputStream().read());
            }
            assertEquals(3, server.clients());

            server.close();
            server.close(); // twice is harmless

            for (Socket socket : sockets) {
                assertEquals(-1, socket.getInputStream().read(), "the client sees end-of-stream");
            }
            assertEquals(0, server.clients());
            if (SocketTable.available()) {
                assertFalse(SocketTable.listening().stream().anyMatch(e -> e.localPort() == port));
            }
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(LOOPBACK, port)); // would fail if still held
            }
        } finally {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void countsClientsAsTheyComeAndGo() throws Exception {
        try (EchoServer server = EchoServer.start()) {
            EchoClient first = EchoClient.connect(server.address(), server.port(), TIMEOUT);
            first.roundTrip("1");
            try (EchoClient second = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
                second.roundTrip("2");
                assertEquals(2, server.clients());
            }
            first.close();
            // The server notices a close on its own thread, a moment later.
            Wait.until("no clients", () -> server.clients() == 0);
        }
    }

    @Test
    void describesItselfWithEndpointAndClientCount() throws IOException {
        EchoServer server = EchoServer.start();
        try {
            String endpoint = "127.0.0.1:" + server.port();
            assertEquals("EchoServer[" + endpoint + ", 0 clients]", server.toString());
            try (EchoClient a = EchoClient.connect(LOOPBACK, server.port(), TIMEOUT)) {
                a.roundTrip("a");
                assertEquals("EchoServer[" + endpoint + ", 1 client]", server.toString());
                try (EchoClient b = EchoClient.connect(LOOPBACK, server.port(), TIMEOUT)) {
                    b.roundTrip("b");
                    assertEquals("EchoServer[" + endpoint + ", 2 clients]", server.toString());
                }
            }
            server.close();
            assertEquals("EchoServer[" + endpoint + ", closed]", server.toString());
        } finally {
            server.close();
        }
    }

    @Test
    void writesIpv6AddressesInBrackets() throws IOException {
        // Only a missing ::1 skips (and fails under LAB_REQUIRE_IPV6=1); any other error fails.
        Needs.ipv6();
        EchoServer server = EchoServer.start("::1", 0);
        try (server;
                EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
            assertEquals("ping", client.roundTrip("ping"));
            assertEquals("EchoServer[[::1]:" + server.port() + ", 1 client]", server.toString());
        }
    }

    @Test
    void serverOnAllAddressesIsReachableViaLoopback() throws IOException {
        try (EchoServer server = EchoServer.start("0.0.0.0", 0);
                EchoClient client = EchoClient.connect(LOOPBACK, server.port(), TIMEOUT)) {
            assertEquals(AddressText.parse("0.0.0.0"), server.address());
            assertEquals("wildcard", client.roundTrip("wildcard"));
            assertEquals("EchoServer[0.0.0.0:" + server.port() + ", 1 client]", server.toString());
        }
    }

    @Test
    void namesItsDaemonThreadAfterThePort() throws IOException {
        try (EchoServer server = EchoServer.start()) {
            String name = "echo-server-" + server.port();
            Thread thread =
                    Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals(name))
                            .findFirst()
                            .orElseThrow();
            assertTrue(thread.isDaemon());
        }
    }

    @Test
    void refusesHostNamesInsteadOfLookingThemUp() {
        assertThrows(IllegalArgumentException.class, () -> EchoServer.start("example.com", 0));
        assertThrows(IllegalArgumentException.class, () -> EchoServer.start("127.1", 0));
    }

    @Test
    void reportsAPortAlreadyInUse() throws IOException {
        try (EchoServer first = EchoServer.start()) {
            IOException e =
                    assertThrows(IOException.class, () -> EchoServer.start(LOOPBACK, first.port()));
            assertEquals("Address already in use", e.getMessage());
        }
    }

    @Test
    void clientSeesEndOfStreamWhenItsServerCloses() throws IOException {
        EchoServer server = EchoServer.start();
        try (EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
            client.roundTrip("before");
            server.close();
            assertThrows(IOException.class, () -> client.roundTrip("after"));
        } finally {
            server.close();
        }
    }
}
