package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.net.Endpoint;
import java.net.InetSocketAddress;
import java.util.List;

/** The experiment and the check of lesson 00, you-are-here. */
public final class HereTopic {
    private HereTopic() {}

    /** {@code here-connections} and the check {@code here-two-tabs}, in lesson order. */
    public static List<Experiment> experiments() {
        return List.of(new HereConnections(), new HereTwoTabs());
    }

    /** A 4-tuple written from the client's side: {@code 127.0.0.1:41234 → 127.0.0.1:62893}. */
    static String fourTuple(InetSocketAddress client, InetSocketAddress server) {
        return Endpoint.of(client) + " → " + Endpoint.of(server);
    }
}
