package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.net.EphemeralRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The experiment and the check of lesson 00, you-are-here. */
public final class HereTopic {
    private HereTopic() {}

    /** {@code here-connections} and the check {@code here-two-tabs}, in lesson order. */
    public static List<Experiment> experiments() {
        return List.of(new HereConnections(), new HereTwoTabs());
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
