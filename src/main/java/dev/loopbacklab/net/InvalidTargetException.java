package dev.loopbacklab.net;

/**
 * Thrown when a host is not one of the loopback forms this lab accepts. The message names the
 * refused input (cut short if long) and lists {@link LoopbackTarget#ACCEPTED_FORMS}.
 */
public class InvalidTargetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a ready, learner-friendly message.
     *
     * @param message the whole message, shown to the learner as it is
     */
    public InvalidTargetException(String message) {
        super(message);
    }
}
