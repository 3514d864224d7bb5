package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.LessonExperiments;
import dev.loopbacklab.net.EphemeralRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** The experiment and the check of lesson 00, you-are-here. */
public final class HereTopic {
    private HereTopic() {}

    /**
     * The lesson {@code you-are-here} and everything it embeds, in the order it shows them; the ids
     * start with this package's name, {@code here}.
     */
    public static LessonExperiments lesson() {
        return LessonExperiments.of(
                "you-are-here", "here", new HereConnections(), new HereTwoTabs());
    }

    /** 127.0.0.1 itself, never {@code localhost}, which may mean ::1 and needs a lookup. */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always a valid address", e);
        }
    }

    /** An endpoint as a learner reads it: {@code 127.0.0.1:41234}. */
    static String endpoint(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** A 4-tuple written from the client's side: {@code 127.0.0.1:41234 → 127.0.0.1:62893}. */
    static String fourTuple(InetSocketAddress client, InetSocketAddress server) {
        return endpoint(client) + " → " + endpoint(server);
    }

    /** The range as a learner reads it, noting when it is IANA's suggestion, not this machine's. */
    static String span(EphemeralRange range) {
        return range.first()
                + "–"
                + range.last()
                + (range.fallback()
                        ? " (IANA's suggestion; this machine's range was not read)"
                        : "");
    }
}
