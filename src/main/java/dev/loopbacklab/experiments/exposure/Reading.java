package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Endpoint;
import java.util.List;

/** Turns one row of probe results into a sentence a learner can read at a glance. */
final class Reading {
    private Reading() {}

    /**
     * @param bound the address the listener was bound to, as text
     * @param wildcard whether that is 0.0.0.0 or ::
     * @param reached the probe addresses that connected, as text
     * @param notReached the probe addresses that did not
     */
    static String of(
            String bound, boolean wildcard, List<String> reached, List<String> notReached) {
        // [::] as ss prints it: "bound to ::: …" would be unreadable.
        String head = "bound to " + Endpoint.bracketed(bound) + ": ";
        if (reached.isEmpty()) {
            return head + "not reachable through any address tried";
        }
        if (notReached.isEmpty()) {
            return head
                    + "reachable through every address tried"
                    + (wildcard ? ", and from the network too (every interface)" : "");
        }
        if (reached.size() == 1 && reached.get(0).equals(bound) && !wildcard) {
            return head + "only reachable through that address";
        }
        return head
                + "reachable through "
                + String.join(", ", reached)
                + "; not through "
                + String.join(", ", notReached)
                + (wildcard
                        ? " (a wildcard answers on every address of its family, the network's included)"
                        : "");
    }
}
