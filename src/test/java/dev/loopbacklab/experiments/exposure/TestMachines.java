package dev.loopbacklab.experiments.exposure;

import java.net.InetAddress;
import java.util.List;

/**
 * Machines for tests. None of them lists a real network address: the "LAN" is always made of
 * loopback aliases, so no test sends a packet to anything but loopback.
 */
final class TestMachines {
    static final InetAddress ALIAS_3 = Addresses.of(127, 0, 0, 3);
    static final InetAddress ALIAS_4 = Addresses.of(127, 0, 0, 4);

    private TestMachines() {}

    /** This machine's IPv6 and 127.0.0.2, with {@code lan} as its "network" addresses. */
    static Machine withLan(InetAddress... lan) {
        return new Machine(() -> ipv6(), () -> second(), () -> List.of(lan));
    }

    /** A machine whose LAN list must never be read (the run did not ask for it). */
    static Machine lanForbidden() {
        return new Machine(
                () -> ipv6(),
                () -> second(),
                () -> {
                    throw new AssertionError("the LAN addresses were read although lan=false");
                });
    }

    static Machine without127002() {
        return new Machine(() -> ipv6(), () -> false, List::of);
    }

    static Machine withoutIpv6() {
        return new Machine(() -> false, () -> second(), List::of);
    }

    static boolean ipv6() {
        return Machine.canBind(Addresses.LOOPBACK_V6);
    }

    static boolean second() {
        return Machine.canBind(Addresses.SECOND);
    }
}
