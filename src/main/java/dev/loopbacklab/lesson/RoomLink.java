package dev.loopbacklab.lesson;

/**
 * A lab's link to the workshop room it joined, as a check sees it: the one thing a check may ask of
 * the room is "connect back to me at this port". The room decides the address: the one this lab's
 * request came from.
 */
public interface RoomLink {
    /** True once this lab has joined a room (and not left it). */
    boolean joined();

    /**
     * The room's answer for {@code port}: {@code reachable}, {@code refused} or {@code no_answer}.
     */
    String reach(int port);
}
