package dev.loopbacklab.room;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * "Reachable from the room": the teacher's lab tries one TCP connection back to the address a
 * learner's request came from, at the port the learner names, and closes it at once; nothing is
 * sent. This is the only place the lab connects to an address that may not be loopback, and the
 * address is never one a learner can choose: it is the peer of their own connection.
 */
public final class ReachBack {
    static final int TIMEOUT_MILLIS = 2_000;

    /** What the room found. */
    public enum Result {
        REACHABLE("reachable from the room: the teacher's lab connected"),
        REFUSED("not reachable from the room: the connection was refused"),
        NO_ANSWER("not reachable from the room: no answer in 2 s (a firewall, or nothing there)");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private ReachBack() {}

    /**
     * Tries {@code requester}:{@code port} once.
     *
     * @param requester the peer address of the learner's request, as the socket saw it
     * @param port 1 to 65535
     */
    public static Result probe(InetAddress requester, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be a port number from 1 to 65,535");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(requester, port), TIMEOUT_MILLIS);
            return Result.REACHABLE;
        } catch (SocketTimeoutException e) {
            return Result.NO_ANSWER;
        } catch (ConnectException e) {
            return Result.REFUSED;
        } catch (IOException e) {
            return Result.NO_ANSWER;
        }
    }
}
