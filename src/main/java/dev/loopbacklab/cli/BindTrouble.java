package dev.loopbacklab.cli;

import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PortSpan;
import java.util.Optional;

/**
 * Why {@code serve} could not listen on a port, in words that are true on each OS: on Windows the
 * JDK says "Address already in use: bind" for a port inside an excluded range although nothing
 * listens there, so "another program is listening" would be false.
 */
final class BindTrouble {
    private BindTrouble() {}

    /** The kind of the first bind failure in {@code e}'s chain. */
    static BindFailure kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            BindFailure kind = BindFailure.of(t);
            if (kind != BindFailure.OTHER) {
                return kind;
            }
        }
        return BindFailure.OTHER;
    }

    /** What stands in the way of {@code host:port}, as the start of a sentence. */
    static String cause(
            Platform platform,
            int port,
            String host,
            BindFailure kind,
            ExcludedPorts excluded,
            boolean explicit) {
        Optional<PortSpan> reserved =
                platform.hasExcludedRanges() ? excluded.spanOf(port) : Optional.empty();
        if (reserved.isPresent()) {
            return "Port "
                    + port
                    + " is reserved by Windows (excluded range "
                    + reserved.get().first()
                    + "–"
                    + reserved.get().last()
                    + "; see netsh int ipv4 show excludedportrange protocol=tcp): nothing can listen"
                    + " there, though Java reports it as \"in use\".";
        }
        if (kind == BindFailure.PERMISSION_DENIED) {
            return "Port " + port + " on " + host + " needs privileges this user does not have.";
        }
        if (kind == BindFailure.CANNOT_ASSIGN) {
            return host
                    + " is not an address of this machine, so port "
                    + port
                    + " cannot be bound there.";
        }
        return explicit
                ? "Port " + port + " on " + host + " is already in use by another program."
                : "Port "
                        + port
                        + " is busy: another program is already listening on "
                        + host
                        + ":"
                        + port
                        + ".";
    }
}
