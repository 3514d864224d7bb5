package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;

/**
 * What {@code port-reuseport} tells the learner, from the facts alone. Linux (3.9 and later)
 * spreads a port's connections over every SO_REUSEPORT listener by a hash of each connection's
 * addresses and ports (socket(7)); macOS has an option of that name from BSD, documented for
 * multicast and broadcast datagrams, with no promise to balance TCP (setsockopt(2)); Windows has
 * none, and the JDK's {@code reuseport_supported} answers false there. Only the words for the
 * system the run was on are said, and only what the run showed.
 */
final class ReuseportReading {
    private ReuseportReading() {}

    /** The note beside "SO_REUSEPORT offered here". */
    static String offeredNote(Platform platform, boolean offered) {
        String asked = "ServerSocketChannel.supportedOptions() on " + platform.name();
        if (offered) {
            return asked;
        }
        return asked
                + switch (platform.os()) {
                    case WINDOWS ->
                            ": Windows has no SO_REUSEPORT (the JDK's"
                                    + " reuseport_supported answers false there)";
                    case LINUX -> ": Linux has it from kernel 3.9; this kernel did not accept it";
                    default -> ": this system did not accept it";
                };
    }

    /** The closing words when there is no second listener to share with. */
    static String unshared(Platform platform, boolean offered, Bind.Result shared) {
        if (offered) {
            return "This OS offers SO_REUSEPORT but refused the second listener too ("
                    + (shared == null ? "not tried" : shared.result())
                    + "), so there is nothing to share.";
        }
        String alone =
                "Without SO_REUSEPORT, one port has one listener: the second bind gets the OS's"
                        + " refusal above.";
        if (platform.exclusiveBind()) {
            return alone
                    + " Windows shares ports another way, with its own SO_REUSEADDR, which lets a"
                    + " socket bind over one in use; the JDK never sets it and binds with"
                    + " SO_EXCLUSIVEADDRUSE, so no other program can bind over a Java listener.";
        }
        return alone;
    }

    /** The closing words once both listeners are bound and the connections were counted. */
    static String spread(Platform platform, int first, int second) {
        boolean linux = platform.os() == OperatingSystem.LINUX;
        if (first > 0 && second > 0) {
            return linux
                    ? "The kernel handed connections to both listeners. Linux picks the listener"
                            + " from a hash of each connection's addresses and ports, so a new"
                            + " client port can land on either one: several processes can serve"
                            + " one port without a shared accept loop."
                    : "This OS handed connections to both listeners, so both accept loops serve"
                            + " the one port; how "
                            + platform.name()
                            + " chooses between them is not documented the way Linux's hash is.";
        }
        return linux
                ? "Every connection went to one listener. Linux spreads connections by a hash of"
                        + " their addresses and ports, so with many connections this is rare:"
                        + " run it again with more."
                : "Every connection went to one listener: "
                        + platform.name()
                        + " lets both bind but does not spread connections between them"
                        + " (BSD's SO_REUSEPORT is documented for multicast and broadcast"
                        + " datagrams; Linux balances TCP connections, since kernel 3.9).";
    }
}
