package dev.loopbacklab.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns address text into {@link InetAddress} and back, without ever asking DNS.
 *
 * <p>{@code InetAddress.getByName} quietly accepts {@code 127.1} or {@code 2130706433} and sends
 * anything that looks like a name to DNS, so text is checked here before the JDK sees it.
 */
final class AddressText {

    private AddressText() {}

    /**
     * Parses an IPv4 literal ({@code 127.0.0.1}), an IPv6 literal ({@code ::1} or {@code [::1]}) or
     * the word {@code localhost}, which means 127.0.0.1 here whatever /etc/hosts says.
     *
     * @throws IllegalArgumentException if the text is anything else, such as a host name
     */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an address is needed, for example 127.0.0.1");
        }
        if (text.toLowerCase(Locale.ROOT).equals("localhost")) {
            return ipv4Loopback();
        }
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /** The address 127.0.0.1, made from bytes so no lookup happens. */
    static InetAddress ipv4Loopback() {
        return ipv4(127, 0, 0, 1);
    }

    /** The address ::1, made from bytes. */
    static InetAddress ipv6Loopback() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static InetAddress parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw notALiteral(text);
        }
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // Leading zeros are refused: libc reads 0177 as octal 127, the JDK as decimal 177.
            boolean leadingZero = part.length() > 1 && part.charAt(0) == '0';
            if (part.isEmpty() || part.length() > 3 || leadingZero || !asciiDigits(part)) {
                throw notALiteral(text);
            }
            values[i] = Integer.parseInt(part);
            if (values[i] > 255) {
                throw notALiteral(text);
            }
        }
        return ipv4(values[0], values[1], values[2], values[3]);
    }

    private static InetAddress parseIpv6(String text) {
        String inner = text;
        if (text.startsWith("[") && text.endsWith("]")) {
            inner = text.substring(1, text.length() - 1);
        }
        for (char c : inner.toCharArray()) {
            boolean hex =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                throw notALiteral(text); // also refuses zone ids like %eth0, which name interfaces
            }
        }
        try {
            // Text containing ':' is always parsed as an IPv6 literal by the JDK, never looked up.
            return InetAddress.getByName("[" + inner + "]");
        } catch (UnknownHostException e) {
            throw notALiteral(text);
        }
    }

    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible); // only thrown for a wrong number of bytes
        }
    }

    private static IllegalArgumentException notALiteral(String text) {
        return new IllegalArgumentException(
                "not an IP address literal or \"localhost\": \""
                        + text
                        + "\" (names are not looked up)");
    }

    /** Formats an address the way people write it: {@code 127.0.0.1}, {@code ::1}, {@code ::}. */
    static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        String text = compressIpv6(address.getAddress());
        if (address instanceof Inet6Address v6 && v6.getScopedInterface() != null) {
            return text + "%" + v6.getScopedInterface().getName();
        }
        return text;
    }

    // RFC 5952: lower case, no leading zeros, the longest run of zero groups written as "::".
    private static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0"
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
