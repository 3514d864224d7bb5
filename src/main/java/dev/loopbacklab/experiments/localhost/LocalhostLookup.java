package dev.loopbacklab.experiments.localhost;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Asks the system what {@code localhost} means. Tests pass their own answers. */
@FunctionalInterface
interface LocalhostLookup {
    /** The one name this lab ever resolves; a learner can never put another one here. */
    String NAME = "localhost";

    /** The addresses, in the order Java gives them. */
    List<InetAddress> addresses() throws UnknownHostException;

    /**
     * Java's own answer: {@code InetAddress.getAllByName("localhost")}. On Linux that is
     * getaddrinfo, which follows the {@code hosts:} line of /etc/nsswitch.conf (usually /etc/hosts
     * first); Java then reorders the result as {@code java.net.preferIPv6Addresses} says.
     */
    static LocalhostLookup system() {
        return () -> List.of(InetAddress.getAllByName(NAME));
    }
}
