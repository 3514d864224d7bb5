package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.HostileServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CappedReadTest {
    private static Socket connect(HostileServer server) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        return socket;
    }

    @Test
    void aServerSendingOneByteAtATimeIsCutOffAtTheDeadline() throws Exception {
        // each byte comes 50 ms after the last, inside any per-read timeout: only the deadline
        // for the whole answer ends this
        try (HostileServer server =
                        HostileServer.drip("HTTP/1.1 200 OK\r\n", Duration.ofMillis(50));
                Socket socket = connect(server)) {
            CappedRead.Result result =
                    CappedRead.until(
                            socket, 16 * 1024, Deadline.in(Duration.ofMillis(300)), "\r\n\r\n");
            assertEquals(CappedRead.Ending.TIMED_OUT, result.ending());
            assertTrue(result.length() < 16 * 1024, result.length() + " bytes");
        }
    }

    @Test
    void aServerAnnouncingAHugeAnswerGetsTheCallersBufferAndNoMore() throws Exception {
        try (HostileServer server =
                        HostileServer.flood(
                                "HTTP/1.1 200 OK\r\nContent-Length: 200000000\r\n\r\n");
                Socket socket = connect(server)) {
            CappedRead.Result result =
                    CappedRead.toEnd(socket, 64 * 1024, Deadline.in(Duration.ofSeconds(30)));
            assertEquals(CappedRead.Ending.DONE, result.ending(), "stopped at the cap");
            assertEquals(64 * 1024, result.length());
            assertEquals(64 * 1024, result.bytes().length, "the buffer is the cap, not the length");
        }
    }

    @Test
    void aSilentServerTimesOutWithNothingRead() throws Exception {
        try (HostileServer server = HostileServer.silent();
                Socket socket = connect(server)) {
            CappedRead.Result result =
                    CappedRead.exactly(socket, 10, Deadline.in(Duration.ofMillis(100)));
            assertEquals(CappedRead.Ending.TIMED_OUT, result.ending());
            assertEquals(0, result.length());
        }
    }

    @Test
    void readsUpToTheFirstEndMarkerAndNoFurther() throws Exception {
        try (HostileServer server = HostileServer.flood("HTTP/1.1 204 No Content\n\nbody");
                Socket socket = connect(server)) {
            CappedRead.Result head =
                    CappedRead.until(
                            socket, 1024, Deadline.in(Duration.ofSeconds(30)), "\r\n\r\n", "\n\n");
            assertEquals(CappedRead.Ending.DONE, head.ending());
            assertEquals("HTTP/1.1 204 No Content\n\n", head.text(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aPeerThatClosesEndsTheReadWithWhatCame() throws Exception {
        try (var listener = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket =
                        new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            try (Socket accepted = listener.accept()) { // the peer writes, then closes
                accepted.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            }
            CappedRead.Result result =
                    CappedRead.exactly(socket, 10, Deadline.in(Duration.ofSeconds(30)));
            assertEquals(CappedRead.Ending.CLOSED, result.ending());
            assertEquals("hi", new String(result.received(), StandardCharsets.US_ASCII));
        }
    }
}
