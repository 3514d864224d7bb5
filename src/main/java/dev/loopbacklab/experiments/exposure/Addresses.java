package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.net.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The addresses this lesson binds and probes, built from bytes so nothing is looked up. */
final class Addresses {
    static final InetAddress LOOPBACK = IpLiteral.loopbackV4();
    static final InetAddress SECOND = of(127, 0, 0, 2);
    static final InetAddress ANY_V4 = of(0, 0, 0, 0);
    static final InetAddress LOOPBACK_V6 = IpLiteral.loopbackV6();
    static final InetAddress ANY_V6 = v6(0);

    private Addresses() {}

    static InetAddress of(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static InetAddress v6(int last) {
        byte[] bytes = new byte[16];
        bytes[15] = (byte) last;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
