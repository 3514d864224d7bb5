package dev.loopbacklab.cli;

import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.IpLiteral;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/** What {@code serve} prints when it serves a room: a warning, and the one link to share. */
final class RoomNotice {
    private RoomNotice() {}

    /** The warning; it holds no URL, so the link stays the only line with one. */
    static void print(PrintWriter out, String bindHost, int port) {
        out.println(
                "WARNING: serving a room. The lab listens on "
                        + bindHost
                        + " port "
                        + port
                        + ", so other machines on your network can reach it.");
        out.println(
                "  - Every request needs the access token. It is in the link below: share that "
                        + "link with the room only, not in public.");
        out.println(
                "  - Experiments still only touch the loopback of this machine (127.0.0.1, ::1).");
        out.println("  - Stop the lab (Ctrl+C) when the workshop is over.");
    }

    /**
     * The link to share: the first {@code --allow-host} name if any, else the address listened on,
     * else (for the wildcard) this machine's first IPv4 address that is not loopback.
     */
    static String shareUrl(InetAddress bind, List<String> allowHosts, int port, String token) {
        String host;
        if (!allowHosts.isEmpty()) {
            host = allowHosts.get(0);
        } else if (!bind.isAnyLocalAddress()) {
            host = IpLiteral.format(bind);
        } else {
            host = firstLanAddress();
        }
        return "http://" + Endpoint.bracketed(host) + ":" + port + "/?token=" + token;
    }

    private static String firstLanAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return IpLiteral.format(address);
                    }
                }
            }
        } catch (SocketException e) {
            // fall through: the teacher can still reach the lab on this machine
        }
        return "127.0.0.1";
    }
}
