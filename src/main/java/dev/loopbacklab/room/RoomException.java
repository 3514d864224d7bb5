package dev.loopbacklab.room;

/** The room refused, or could not be reached; the message says so in words for the learner. */
public final class RoomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retry;

    RoomException(String message, boolean retry) {
        super(message);
        this.retry = retry;
    }

    /** True when trying again later may work (busy, unreachable). */
    public boolean retry() {
        return retry;
    }
}
