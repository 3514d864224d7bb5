package dev.loopbacklab.web.room;

import dev.loopbacklab.room.JoinLink;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * The workshop side of a lab.
 *
 * @param roomFolder where a room this lab opens keeps its file
 * @param openRoom open (or reopen) the room at start
 * @param join the room to join at start, or null
 * @param nickname the nickname to join with
 * @param sendFrom the local address a learner's lab sends from, or null for the OS's choice (tests:
 *     127.0.0.2 plays another machine)
 */
public record WorkshopConfig(
        Path roomFolder, boolean openRoom, JoinLink join, String nickname, InetAddress sendFrom) {

    /** Where a teacher's room lives unless told: {@code ~/.loopback-lab/room}. */
    public static Path defaultRoomFolder() {
        return Path.of(System.getProperty("user.home"), ".loopback-lab", "room");
    }

    /**
     * No room opened, none joined; a room opened later from the page lives in the default folder.
     */
    public static WorkshopConfig none() {
        return new WorkshopConfig(defaultRoomFolder(), false, null, null, null);
    }
}
