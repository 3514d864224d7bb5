package dev.loopbacklab.net;

/**
 * Thrown when text or a number is not a valid port. The message is written for a learner: it says
 * what was wrong and what a port looks like, e.g. {@code port must be a whole number from 0 to
 * 65535, written with the digits 0-9 only; got "+80"}.
 */
public class PortFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a ready, learner-friendly message.
     *
     * @param message the whole message, shown to the learner as it is
     */
    public PortFormatException(String message) {
        super(message);
    }
}
