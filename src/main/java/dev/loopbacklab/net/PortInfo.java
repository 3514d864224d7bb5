package dev.loopbacklab.net;

import java.util.Objects;
import java.util.Optional;

/**
 * What the lab knows about one port number: its IANA category, the service usually found on it, and
 * whether this machine needs special rights to listen on it. Made by {@link Ports#classify(int)}.
 *
 * @param port the port, 0 to 65535
 * @param category its IANA category
 * @param service the usual TCP service on this port, if the lab knows one
 * @param privilegedHere true if this operating system reserves the port for privileged programs
 */
public record PortInfo(
        int port, PortCategory category, Optional<String> service, boolean privilegedHere) {

    /**
     * Checks that the parts agree, so a PortInfo never states something false.
     *
     * @param port the port, 0 to 65535
     * @param category its IANA category
     * @param service the usual TCP service, or empty
     * @param privilegedHere true if this OS reserves the port
     * @throws IllegalArgumentException if the category does not fit the port
     */
    public PortInfo {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(service, "service");
        if (PortCategory.of(port) != category) {
            throw new IllegalArgumentException(
                    "port " + port + " is " + PortCategory.of(port) + ", not " + category);
        }
    }

    /**
     * Describes the port in one line, e.g. {@code 62893 — dynamic/private (IANA 49152–65535); no
     * well-known service; not privileged on this machine}.
     *
     * @return a sentence for a learner
     */
    public String describe() {
        return port
                + " — "
                + category.label()
                + " (IANA "
                + category.first()
                + "–"
                + category.last()
                + "); "
                + service.map(name -> "usually " + name).orElse("no well-known service")
                + "; "
                + (privilegedHere ? "privileged" : "not privileged")
                + " on this machine";
    }
}
