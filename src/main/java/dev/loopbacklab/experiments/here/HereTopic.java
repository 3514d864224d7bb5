package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.LessonExperiments;
import dev.loopbacklab.net.Endpoint;
import java.net.InetSocketAddress;

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

    /** A 4-tuple written from the client's side: {@code 127.0.0.1:41234 → 127.0.0.1:62893}. */
    static String fourTuple(InetSocketAddress client, InetSocketAddress server) {
        return Endpoint.of(client) + " → " + Endpoint.of(server);
    }
}
