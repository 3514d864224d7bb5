package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.net.TimeWait;

/**
 * How many connections the connect sweep may open. Each one leaves its source port in TIME_WAIT
 * after it closes, so a sweep as large as the range would leave no source port to any other program
 * on this machine for the whole TIME_WAIT period. The sweep takes at most a quarter of the range:
 * 16,384 ports on macOS and Windows allow 4,096, Linux's 28,232 allow 7,058.
 */
final class ConnectBudget {
    private ConnectBudget() {}

    /** The largest sweep this range allows. */
    static int limit(EphemeralRange range) {
        return Math.max(1, range.size() / 4);
    }

    /** {@code requested}, or the limit if that is smaller. */
    static int cap(int requested, EphemeralRange range) {
        return Math.min(requested, limit(range));
    }

    /** Why a sweep was made smaller, with this system's range and TIME_WAIT. */
    static String warning(int requested, EphemeralRange range, TimeWait timeWait) {
        return String.format(
                java.util.Locale.ROOT,
                "Capped at %s connections (you asked for %s): each leaves its source port in"
                        + " TIME_WAIT for %s, and this system hands out only %s source ports"
                        + " (%d–%d, %s). A quarter of them is the most this lab takes, so other"
                        + " programs can still connect meanwhile.",
                Numbers.whole(limit(range)),
                Numbers.whole(requested),
                timeWait.known() ? timeWait.seconds() + " s" : "a time this lab cannot read here",
                Numbers.whole(range.size()),
                range.first(),
                range.last(),
                range.source());
    }

    /** How long the client sockets wait here, for the explanation after the sweep. */
    static String waitWords(TimeWait timeWait) {
        return timeWait.known()
                ? "for " + timeWait.seconds() + " s here (" + timeWait.source() + ")"
                : "for as long as this system keeps TIME_WAIT (" + timeWait.source() + ")";
    }
}
