package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/** Asserts that a port a run opened is closed again: a connection to it is refused. */
public final class NothingListens {
    private NothingListens() {}

    /** Fails unless a connection to 127.0.0.1:{@code port} is refused. */
    public static void at(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("still listening on " + port + ": " + socket);
        } catch (IOException expected) {
            assertEquals("Connection refused", expected.getMessage());
        }
    }

    /** The same for an endpoint as a fact shows it, "127.0.0.1:PORT". */
    public static void at(String endpoint) {
        at(Integer.parseInt(endpoint.substring("127.0.0.1:".length())));
    }
}
