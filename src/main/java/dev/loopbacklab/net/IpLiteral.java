package dev.loopbacklab.net;

import java.net.InetAddress;

/**
 * IP address text, read and written without DNS: {@code 192.168.1.5}, {@code 0.0.0.0}, {@code ::1}
 * or {@code [::1]}. For any address, not only loopback; {@link LoopbackTarget} is the validator for
 * hosts the lab connects to, this is for addresses it is told to listen on.
 */
public final class IpLiteral {
    private IpLiteral() {}

    /**
     * Reads an IPv4 literal in four plain decimal parts, an IPv6 literal (with or without brackets,
     * without a zone), or {@code localhost} (127.0.0.1).
     *
     * @param text the address text
     * @return the address, built without a lookup
     * @throws IllegalArgumentException for anything else, host names included
     */
    public static InetAddress parse(String text) {
        return AddressText.parse(text);
    }

    /**
     * Writes an address as people do (RFC 5952 for IPv6): {@code 127.0.0.1}, {@code ::1}, {@code
     * ::}, and with its interface for a scoped link-local address ({@code fe80::1%en0}). The one
     * address formatter of the lab; {@link Endpoint} adds the port.
     *
     * @param address the address
     * @return its text, IPv6 without brackets
     */
    public static String format(InetAddress address) {
        return AddressText.format(address);
    }

    /**
     * {@code 127.0.0.1}, made from its four bytes, so no lookup and no {@code /etc/hosts} is
     * involved.
     *
     * @return the IPv4 loopback address
     */
    public static InetAddress loopbackV4() {
        return AddressText.ipv4Loopback();
    }

    /**
     * {@code ::1}, made from its sixteen bytes.
     *
     * @return the IPv6 loopback address
     */
    public static InetAddress loopbackV6() {
        return AddressText.ipv6Loopback();
    }
}
