package dev.loopbacklab.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Asks "is anything listening there?" by trying one TCP connection, the way a port scanner does,
 * but on loopback only.
 *
 * <pre>{@code
 * Probe.connect(InetAddress.getByName("127.0.0.1"), 62893, Duration.ofSeconds(1));
 * // ProbeResult[outcome=CONNECTED, detail=connected from 127.0.0.1:51234, ...]
 * }</pre>
 */
public final class Probe {

    private Probe() {}

    /**
     * Tries one connection and closes it straight away.
     *
     * @param address a loopback address; no name is looked up, so none can be typed here
     * @param port the port to try, 0 to 65535
     * @param timeout how long to wait for an answer
     * @return what happened; this method reports failures instead of throwing them
     * @throws IllegalArgumentException if the address is not loopback, the port is out of range or
     *     the timeout is not positive
     */
    public static ProbeResult connect(InetAddress address, int port, Duration timeout) {
        return attempt(Loopback.require(address), port, timeout);
    }

    /**
     * Like {@link #connect}, but also to this machine's own non-loopback addresses (as listed by
     * {@link OwnAddresses}), to show whether a server can be reached from the network. Such a
     * packet still never leaves the machine; an address of any other host is refused.
     *
     * @param address loopback, or an address assigned to one of this machine's interfaces
     * @param port the port to try, 0 to 65535
     * @param timeout how long to wait for an answer
     * @return what happened
     * @throws IllegalArgumentException if the address is not this machine's own
     */
    public static ProbeResult connectOwn(InetAddress address, int port, Duration timeout) {
        return attempt(OwnAddresses.requireOwn(address), port, timeout);
    }

    private static ProbeResult attempt(InetAddress address, int port, Duration timeout) {
        int millis = Loopback.timeoutMillis(timeout);
        InetSocketAddress target = new InetSocketAddress(address, port);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(target, millis);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String from = new Endpoint(socket.getLocalAddress(), socket.getLocalPort()).toString();
            return new ProbeResult(
                    ProbeResult.Outcome.CONNECTED,
                    "connected from " + from,
                    elapsed,
                    socket.getLocalPort());
        } catch (IOException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ProbeResult(outcomeOf(e), detail, elapsed, -1);
        }
    }

    private static ProbeResult.Outcome outcomeOf(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return ProbeResult.Outcome.TIMED_OUT;
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return ProbeResult.Outcome.UNREACHABLE;
        }
        if (e instanceof ConnectException && message.contains("refused")) {
            return ProbeResult.Outcome.REFUSED;
        }
        return ProbeResult.Outcome.ERROR;
    }
}
