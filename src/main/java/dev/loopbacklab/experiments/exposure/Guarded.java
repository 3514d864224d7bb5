package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import java.net.InetAddress;
import java.util.function.Consumer;

/** What a learner reads when another machine reached one of this lesson's wildcard listeners. */
final class Guarded {
    private Guarded() {}

    static Consumer<InetAddress> warn(Report report) {
        return peer ->
                report.warn(
                        "A connection from "
                                + IpLiteral.format(peer)
                                + ", not this machine's loopback, reached the wildcard listener"
                                + " and was closed unread: exactly the exposure this lesson"
                                + " shows.");
    }
}
