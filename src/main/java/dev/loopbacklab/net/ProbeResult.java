package dev.loopbacklab.net;

import java.time.Duration;

/**
 * What one connection attempt by {@link Probe} found.
 *
 * @param outcome what happened, in one word
 * @param detail the JDK's own message, such as "Connection refused", or "connected from
 *     127.0.0.1:51234"
 * @param elapsed how long the attempt took
 * @param localPort the ephemeral port the probe connected from, or -1 if it never connected
 */
public record ProbeResult(Outcome outcome, String detail, Duration elapsed, int localPort) {

    /** The possible results of a connection attempt. */
    public enum Outcome {
        /** Something is listening: the handshake completed. */
        CONNECTED,
        /** Nothing listens there: the OS answered with a reset ("Connection refused"). */
        REFUSED,
        /** No answer at all before the timeout. */
        TIMED_OUT,
        /** The OS has no route to that address. */
        UNREACHABLE,
        /** Anything else; the detail says what. */
        ERROR
    }

    /** True if the attempt connected. */
    public boolean connected() {
        return outcome == Outcome.CONNECTED;
    }

    /**
     * The result in a few words, for a table cell.
     *
     * @param timeout the timeout the attempt was given
     * @return "connected", "refused: Connection refused", "timed out after 500 ms", "unreachable:
     *     …" or "error: …"
     */
    public String cell(Duration timeout) {
        return switch (outcome) {
            case CONNECTED -> "connected";
            case REFUSED -> "refused: " + detail;
            case TIMED_OUT -> "timed out after " + timeout.toMillis() + " ms";
            case UNREACHABLE -> "unreachable: " + detail;
            case ERROR -> "error: " + detail;
        };
    }
}
