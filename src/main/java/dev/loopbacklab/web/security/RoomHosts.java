package dev.loopbacklab.web.security;

import dev.loopbacklab.net.IpLiteral;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a lab answers to besides localhost, 127.0.0.1 and [::1]: the ones given with {@code
 * --allow-host}, and when serving a room the address it listens on; for the wildcard (0.0.0.0 or
 * ::) every address of this machine's interfaces. Address literals are safe to allow: a
 * DNS-rebinding page's requests carry its own name as Host, never a bare address.
 */
final class RoomHosts {
    private RoomHosts() {}

    /**
     * The names a lab bound to {@code host} (an IP literal) answers to, besides the loopback ones.
     */
    static Set<String> allowed(String host, Set<String> extraHosts) {
        Set<String> names = new LinkedHashSet<>(extraHosts);
        InetAddress bound = IpLiteral.parse(host);
        if (bound.isLoopbackAddress()) {
            return names;
        }
        if (!bound.isAnyLocalAddress()) {
            names.add(IpLiteral.format(bound));
            return names;
        }
        names.addAll(ownAddresses());
        return names;
    }

    /** This machine's interface addresses, as literals; read from the OS, nothing is sent. */
    static Set<String> ownAddresses() {
        Set<String> own = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    own.add(IpLiteral.format(address));
                }
            }
        } catch (SocketException e) {
            // No interface list: the room is reached through --allow-host names only.
        }
        return own;
    }
}
