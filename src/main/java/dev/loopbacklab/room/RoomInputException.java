package dev.loopbacklab.room;

/**
 * What a learner's lab sent is not what the room takes (a nickname, a summary's field, a flag); the
 * message says why in the lab's own words. It is the one exception whose message the room's API
 * answers with: any other, an {@link IllegalArgumentException} a library throws included, may carry
 * the teacher's paths or the database's internals, and is answered as an incident instead.
 */
public final class RoomInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RoomInputException(String message) {
        super(message);
    }
}
