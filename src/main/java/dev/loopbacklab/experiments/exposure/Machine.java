package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.OwnAddresses;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the exposure experiments need to know about this machine. Tests build their own, so that
 * they can pretend IPv6 or 127.0.0.2 is missing and, above all, so that {@code lan=true} probes
 * loopback aliases instead of a real network address.
 *
 * @param ipv6 whether an IPv6 socket can be bound to ::1
 * @param secondLoopback whether 127.0.0.2 is a local address (Linux: yes; macOS: not by default)
 * @param lanAddresses this machine's own non-loopback addresses, for the opt-in LAN probes
 * @param platform the system, for the words that differ by OS
 * @param listeners the TCP listeners the OS lists (/proc, lsof, netstat); empty where none can be
 *     read
 */
public record Machine(
        BooleanSupplier ipv6,
        BooleanSupplier secondLoopback,
        Supplier<List<InetAddress>> lanAddresses,
        Platform platform,
        Supplier<Optional<List<SocketTable.Entry>>> listeners) {

    /**
     * A machine with these loopback facts, on this system and with its real socket table.
     *
     * @param ipv6 whether ::1 can be bound
     * @param secondLoopback whether 127.0.0.2 can be bound
     * @param lanAddresses the addresses for the LAN probes
     */
    public Machine(
            BooleanSupplier ipv6,
            BooleanSupplier secondLoopback,
            Supplier<List<InetAddress>> lanAddresses) {
        this(
                ipv6,
                secondLoopback,
                lanAddresses,
                Platform.current(),
                SocketTable::listenersIfReadable);
    }

    /** This machine, asked through the OS; the LAN list comes from its network interfaces. */
    public static Machine real() {
        return new Machine(
                () -> canBind(Addresses.LOOPBACK_V6),
                () -> canBind(Addresses.SECOND),
                OwnAddresses::list);
    }

    /** True if a listener can be bound to {@code address}: it is configured on this machine. */
    static boolean canBind(InetAddress address) {
        return Listeners.canOpen(address);
    }
}
