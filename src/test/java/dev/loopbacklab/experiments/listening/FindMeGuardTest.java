package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While listening-find-me holds its 0.0.0.0 server, a connection to it is closed at once, unread,
 * instead of waiting in the backlog for as long as the run lasts. Without the guard the read below
 * blocks the run itself, and the suite's default timeout fails the test.
 */
class FindMeGuardTest {
    @Test
    void aConnectionToTheWildcardServerIsClosedUnreadWhileTheRunHoldsIt() throws Exception {
        assertEquals(List.of("closed"), WhileFindMeHolds.knock(FindMeGuardTest::knock).knocks());
    }

    /** Connects through loopback, sends a request, and reads what comes back. */
    private static String knock(int port) {
        try (Socket client = new Socket(IpLiteral.loopbackV4(), port)) {
            client.getOutputStream().write("hello?\n".getBytes());
            InputStream in = client.getInputStream();
            return in.read() == -1 ? "closed" : "answered";
        } catch (IOException e) {
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
            return "closed";
        }
    }
}
