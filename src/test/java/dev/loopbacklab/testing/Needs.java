package dev.loopbacklab.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. Where it is missing the test is skipped, loudly, unless the
 * environment says the machine must have it (CI does): then the skip is a failure, so a broken IPv6
 * set-up cannot pass for a machine without IPv6.
 */
public final class Needs {
    /** The switch that turns "no ::1 here" skips into failures; {@code .ci/run} sets it. */
    public static final String REQUIRE_IPV6 = "LAB_REQUIRE_IPV6";

    private static final InetAddress V6_LOOPBACK = v6Loopback();

    private Needs() {}

    /** True when a socket can listen on {@code ::1}. */
    public static boolean ipv6Present() {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(V6_LOOPBACK, 0));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Skips the calling test when {@code ::1} is missing, or fails it under {@code
     * LAB_REQUIRE_IPV6=1}.
     */
    public static void ipv6() {
        that(ipv6Present(), "no IPv6 loopback (::1) here", REQUIRE_IPV6);
    }

    /**
     * Skips the calling test unless {@code present}, or fails it when {@code requireVariable} is 1.
     */
    public static void that(boolean present, String missing, String requireVariable) {
        that(present, missing, requireVariable, required(requireVariable));
    }

    static void that(boolean present, String missing, String requireVariable, boolean required) {
        if (present) {
            return;
        }
        if (required) {
            Assertions.fail(missing + "; " + requireVariable + "=1 makes this a failure.");
        }
        System.err.println("*** SKIPPED: " + missing + " (" + requireVariable + "=1 would fail)");
        Assumptions.abort(missing);
    }

    static boolean required(String variable) {
        return "1".equals(System.getenv(variable));
    }

    private static InetAddress v6Loopback() {
        byte[] one = new byte[16];
        one[15] = 1;
        try {
            return InetAddress.getByAddress(one); // 16 bytes: an Inet6Address, no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
