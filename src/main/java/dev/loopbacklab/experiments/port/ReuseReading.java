package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.TimeWait;

/**
 * What {@code port-reuse} tells the learner, from the facts alone: the two binds over a TIME_WAIT
 * leftover and the system they ran on. Kept apart from the sockets so tests can hand it what Linux,
 * macOS and Windows really answer.
 *
 * <p>On Linux and macOS SO_REUSEADDR decides whether a TIME_WAIT leftover blocks a new listener. On
 * Windows the JDK binds with SO_EXCLUSIVEADDRUSE whatever {@code setReuseAddress} says (it only
 * remembers the value for {@code getReuseAddress()}: {@code NioSocketImpl.setOption}), so the two
 * rows ask Windows the same thing and must not be explained as "off" and "on".
 */
final class ReuseReading {
    private ReuseReading() {}

    /**
     * The table rows' explanations and the closing words.
     *
     * @param offWhy why the bind with SO_REUSEADDR off ended as it did
     * @param onWhy why the bind with SO_REUSEADDR on ended as it did
     * @param closing the paragraph after the table
     */
    record Words(String offWhy, String onWhy, String closing) {}

    static Words of(Platform platform, Bind.Result off, Bind.Result on) {
        if (platform.exclusiveBind()) {
            return new Words(windowsWhy(off), windowsSame(off, on), closing(platform));
        }
        String offWhy =
                off.bound()
                        ? "this OS lets a new listener past a TIME_WAIT leftover even without it"
                        : off.failure() == BindFailure.IN_USE
                                ? "the leftover in TIME_WAIT still counts as a user of the port"
                                : "refused for another reason than the leftover: read the message";
        String onWhy =
                on.bound()
                        ? "SO_REUSEADDR lets a listener take a port whose only users are in"
                                + " TIME_WAIT (the old socket had it on too, as Java's server"
                                + " sockets do on "
                                + platform.name()
                                + ")"
                        : "this OS still refuses; the TIME_WAIT leftover must expire first";
        return new Words(offWhy, onWhy, closing(platform));
    }

    private static String windowsWhy(Bind.Result result) {
        if (result.bound()) {
            return "Windows let a new exclusive listener bind while the old connection is in"
                    + " TIME_WAIT";
        }
        return result.failure() == BindFailure.IN_USE
                ? "Windows keeps the port of an exclusive listener from a new one until the"
                        + " connection it accepted is no longer active"
                : "refused for another reason than the leftover: read the message";
    }

    /** The second row asked Windows exactly what the first did: say so, whatever it answered. */
    private static String windowsSame(Bind.Result off, Bind.Result on) {
        String same =
                "the same request as the row above: on Windows the JDK only records SO_REUSEADDR"
                        + " for getReuseAddress() and binds with SO_EXCLUSIVEADDRUSE either way";
        if (on.bound() == off.bound()) {
            return same + ", so Windows gave the same answer";
        }
        return same
                + (on.bound()
                        ? "; it bound this time because the old connection was gone by then"
                        : "; " + windowsWhy(on));
    }

    /** TIME_WAIT's length and why servers set SO_REUSEADDR, true for {@code platform}. */
    static String closing(Platform platform) {
        String keep =
                "TIME_WAIT is kept by the side that closes first, here the server, for twice the"
                        + " Maximum Segment Lifetime (2*MSL) so that late packets of the old"
                        + " connection cannot be taken for a new one. On "
                        + platform.name()
                        + " it lasts "
                        + TimeWait.of(platform.os()).describe()
                        + ".";
        if (platform.exclusiveBind()) {
            return keep
                    + " Java on Windows does not use SO_REUSEADDR at all: it binds exclusively"
                    + " (SO_EXCLUSIVEADDRUSE), because Windows' own SO_REUSEADDR would let"
                    + " another program bind over a live socket (port-conflict shows what"
                    + " getReuseAddress() reports).";
        }
        return keep
                + " Servers that restart would otherwise wait that long: that is why they set"
                + " SO_REUSEADDR, and why Java's ServerSocket turns it on by default on "
                + platform.name()
                + " (port-conflict shows the value on yours).";
    }

    /**
     * The note of a TIME_WAIT row the lab could not read: the list failed, so how to look by hand.
     *
     * @param platform the system
     * @param port the server's port
     * @param reason why the list could not be read
     * @return the fact's note
     */
    static String timeWaitElsewhere(Platform platform, int port, String reason) {
        String unread = "the lab could not read the socket list (" + reason + "); ";
        return unread
                + switch (platform.os()) {
                    case WINDOWS ->
                            "run netstat -ano -p tcp | findstr :"
                                    + port
                                    + " (TIME_WAIT rows belong to no program: PID 0; netstat may"
                                    + " translate the state, a German Windows writes WARTEND)";
                    case MAC -> "run netstat -an -p tcp | grep " + port;
                    case LINUX -> "run ss -tan state time-wait";
                    case OTHER -> "try netstat -an";
                };
    }
}
