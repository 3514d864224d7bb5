package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/** Opening listeners and probing them, with the words this lesson uses for the outcomes. */
final class Reach {
    /** Loopback answers in microseconds; half a second only matters if something drops packets. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private Reach() {}

    /**
     * A listener on {@code address} and a port the OS picks. The socket's family follows the
     * address, so 0.0.0.0 is a plain IPv4 wildcard like most servers use, and :: is Java's usual
     * dual-stack IPv6 socket.
     */
    static ServerSocketChannel listen(InetAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(Addresses.familyOf(address));
        try {
            channel.bind(new InetSocketAddress(address, 0), 50);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The port a bound listener got. */
    static int port(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** One connection attempt; loopback through {@link Probe#connect}, own addresses otherwise. */
    static ProbeResult probe(InetAddress address, int port) {
        return probe(address, port, Deadline.none());
    }

    /** One connection attempt, {@link #TIMEOUT} at most and never past {@code deadline}. */
    static ProbeResult probe(InetAddress address, int port, Deadline deadline) {
        Duration timeout = deadline.timeout(TIMEOUT);
        return address.isLoopbackAddress()
                ? Probe.connect(address, port, timeout)
                : Probe.connectOwn(address, port, timeout);
    }

    /** A table cell: "connected", "refused: Connection refused", "timed out after 500 ms"… */
    static String cell(ProbeResult result) {
        return switch (result.outcome()) {
            case CONNECTED -> "connected";
            case REFUSED -> "refused: " + result.detail();
            case TIMED_OUT -> "timed out after " + TIMEOUT.toMillis() + " ms";
            case UNREACHABLE -> "unreachable: " + result.detail();
            case ERROR -> "error: " + result.detail();
        };
    }
}
