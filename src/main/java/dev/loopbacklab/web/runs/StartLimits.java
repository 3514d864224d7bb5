package dev.loopbacklab.web.runs;

import dev.loopbacklab.net.IpLiteral;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Who may start how many runs. A client is its address, with all of loopback one client (every
 * 127.x.y.z source address and {@code ::1}: a program on this machine can use them all) and an IPv6
 * address its /64 (one machine may hold the whole prefix). In a room a visitor also carries the
 * identity the token gate gave their browser: each visitor has their own {@code perClient} starts
 * per window, and one address at most {@link #VISITORS_PER_ADDRESS} times that, so a room behind
 * one address still works while new identities from one address do not multiply its share.
 */
final class StartLimits {
    /** How many visitors' worth of starts one address may have in a room. */
    static final int VISITORS_PER_ADDRESS = 8;

    private final RateLimiter byClient;
    private final RateLimiter byAddress;

    StartLimits(int perClient, Duration window, LongSupplier nanoClock) {
        this.byClient = new RateLimiter(perClient, window, nanoClock);
        this.byAddress = new RateLimiter(perClient * VISITORS_PER_ADDRESS, window, nanoClock);
    }

    StartLimits(int perClient, Duration window) {
        this(perClient, window, System::nanoTime);
    }

    /**
     * Counts a start from {@code remoteAddress} (an IP literal) by {@code visitor} (the identity a
     * room gave the browser, or null); false when over a limit.
     */
    boolean tryStart(String remoteAddress, String visitor) {
        String address = client(remoteAddress);
        if (visitor == null) {
            return byClient.tryAcquire(address);
        }
        return byClient.tryAcquire(address + " " + visitor) && byAddress.tryAcquire(address);
    }

    /** The client an address belongs to: "loopback", an IPv4 address, or an IPv6 /64. */
    static String client(String remoteAddress) {
        InetAddress address;
        try {
            address = IpLiteral.parse(remoteAddress);
        } catch (IllegalArgumentException notALiteral) {
            return remoteAddress;
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        }
        return IpLiteral.format(address);
    }
}
