package dev.loopbacklab.net;

import java.util.Objects;
import java.util.Optional;

/**
 * One socket as this system lists it, with the program that holds it where the system says: the
 * same {@link SocketTable.Entry} row on every OS, whether it came from Linux's {@code /proc/net},
 * macOS's {@code lsof} or Windows' {@code netstat -ano}.
 *
 * @param entry the socket
 * @param owner the process holding it; empty where this user may not see it, or the tool names none
 */
public record ListedSocket(SocketTable.Entry entry, Optional<SocketOwner> owner) {
    /**
     * Checks the parts.
     *
     * @param entry the socket
     * @param owner its holder, if known
     */
    public ListedSocket {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(owner, "owner");
    }
}
