package dev.loopbacklab.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses this machine has on its network interfaces (Wi-Fi, Ethernet, VPN), other than
 * loopback. A server bound to a wildcard address answers on every one of them, which is what
 * "reachable from the network" means. Nothing here is typed by anyone: the list comes from the OS.
 *
 * <pre>{@code
 * OwnAddresses.list();   // [192.168.1.20, fe80:0:0:0:1c2b:...%en0]
 * }</pre>
 */
public final class OwnAddresses {

    /** More than this many addresses is unusual; the rest are left out so probes stay few. */
    public static final int MAX = 8;

    private OwnAddresses() {}

    /**
     * This machine's non-loopback addresses on interfaces that are up, at most {@link #MAX}.
     *
     * @return the addresses, empty if there are none or the OS would not list them
     */
    public static List<InetAddress> list() {
        List<InetAddress> own = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && own.size() < MAX) {
                        own.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return List.copyOf(own);
    }

    /**
     * Tells whether {@code address} belongs to this machine: loopback, or assigned to one of its
     * interfaces right now. Asks the OS, never the network.
     *
     * @param address any address
     * @return true if a packet sent there never leaves this machine
     */
    public static boolean isOwn(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Refuses any address that is not this machine's own, before a socket is opened. */
    static InetAddress requireOwn(InetAddress address) {
        if (address == null || !isOwn(address)) {
            throw new IllegalArgumentException(
                    "the lab only connects to this machine's own addresses, not "
                            + (address == null ? "null" : AddressText.format(address)));
        }
        return address;
    }
}
