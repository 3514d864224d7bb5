package dev.loopbacklab.net;

import java.util.Locale;

/**
 * Why a bind failed, read from the JDK's exception by kind rather than by exact text: the same
 * error reads {@code "Address already in use"} on Linux and macOS and {@code "Address already in
 * use: bind"} on Windows, and macOS says {@code "Can't assign requested address"} where Linux says
 * {@code "Cannot assign requested address"}. The JDK gives no error number, so the words are all
 * there is; each pattern below is tested against messages recorded on each system.
 *
 * <p>On Windows the JDK turns WSAEACCES from {@code bind} into "Address already in use" (see {@code
 * NET_Bind} in the JDK's {@code net_util_md.c}), so a port inside a Windows excluded range reads as
 * {@link #IN_USE} although nothing listens: {@link ExcludedPorts} tells the two apart.
 *
 * <p>Try in JShell: {@code BindFailure.of(new java.net.BindException("Address already in use:
 * bind"))}.
 */
public enum BindFailure {
    /** Another socket holds the address and port (EADDRINUSE, WSAEADDRINUSE). */
    IN_USE,
    /** The OS refused this user the port (EACCES, EPERM, WSAEACCES). */
    PERMISSION_DENIED,
    /** The address is not one of this machine's (EADDRNOTAVAIL, WSAEADDRNOTAVAIL). */
    CANNOT_ASSIGN,
    /** Anything else; the message itself is the best explanation. */
    OTHER;

    /**
     * Reads the kind of a failed bind.
     *
     * @param failure what {@code bind} threw; null reads as {@link #OTHER}
     * @return the kind
     */
    public static BindFailure of(Throwable failure) {
        return failure == null ? OTHER : ofMessage(failure.getMessage());
    }

    /**
     * Reads the kind from an exception's message alone.
     *
     * @param message e.g. {@code "Address already in use: bind"}; null reads as {@link #OTHER}
     * @return the kind
     */
    public static BindFailure ofMessage(String message) {
        if (message == null) {
            return OTHER;
        }
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("already in use")
                || text.contains("eaddrinuse")
                || text.contains("only one usage of each socket address")) {
            return IN_USE;
        }
        if (text.contains("assign requested address")
                || text.contains("eaddrnotavail")
                || text.contains("not valid in its context")) {
            return CANNOT_ASSIGN;
        }
        if (text.contains("permission denied")
                || text.contains("operation not permitted")
                || text.contains("eacces")
                || text.contains("forbidden by its access permissions")) {
            return PERMISSION_DENIED;
        }
        return OTHER;
    }
}
