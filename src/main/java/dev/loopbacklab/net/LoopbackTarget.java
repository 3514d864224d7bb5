package dev.loopbacklab.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A host the lab may talk to: one of the loopback forms, checked as text. This is the one validator
 * for every host a learner or a request names.
 *
 * <p>Nothing is ever looked up in DNS or {@code /etc/hosts}: the address is built from bytes parsed
 * here, with {@link InetAddress#getByAddress(String, byte[])}. So {@code localhost} always means
 * 127.0.0.1 in this lab, whatever the machine's resolver would say.
 *
 * <p>Try in JShell: {@code LoopbackTarget.parse("127.0.0.2")} and {@code
 * LoopbackTarget.parse("0.0.0.0")}.
 *
 * @param text the accepted form, normalised: {@code "localhost"} in lower case, {@code "::1"}
 *     without brackets
 * @param address the address it stands for, never a name that still needs resolving
 */
public record LoopbackTarget(String text, InetAddress address) {
    /** The host forms {@link #parse(String)} accepts, as quoted in every refusal. */
    public static final String ACCEPTED_FORMS =
            "127.0.0.1, another 127.x.y.z address in dotted decimal without leading zeros, ::1,"
                    + " or localhost";

    /**
     * A trap for tests, not a feature: no code in this class calls it. Tests swap in a counting
     * function and check it is never called, so a change that adds name resolution fails loudly.
     */
    static Function<String, InetAddress> resolver =
            name -> {
                throw new AssertionError(
                        "LoopbackTarget must never resolve a name, but asked for " + name);
            };

    /**
     * Checks that {@code address} really is what {@code text} says, so no record is forged.
     *
     * @param text an accepted form, normalised as {@link #parse(String)} leaves it
     * @param address the address that form stands for
     * @throws InvalidTargetException if the two do not match
     */
    public LoopbackTarget {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(address, "address");
        byte[] expected = bytesOf(text);
        if (expected == null
                || !Arrays.equals(expected, address.getAddress())
                || (address instanceof Inet6Address
                        && ((Inet6Address) address).getScopeId() != 0)) {
            throw refusal(text, "does not match the address " + address.getHostAddress());
        }
    }

    /**
     * Checks that {@code host} is a loopback address written in one of the {@link #ACCEPTED_FORMS},
     * and returns it.
     *
     * <p>Refused, among others: {@code 0.0.0.0} and {@code ::} (every interface, not loopback),
     * other networks ({@code 10.0.0.1}), short or numeric forms that some tools read as 127.0.0.1
     * ({@code 127.1}, {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}), IPv4 inside IPv6
     * ({@code ::ffff:127.0.0.1}), scoped addresses ({@code fe80::1%lo}), spaces, and every DNS name
     * except {@code localhost}.
     *
     * @param host the text, e.g. {@code "127.0.0.1"}, {@code "[::1]"} or {@code "LocalHost"}
     * @return the target, its address built without any lookup
     * @throws InvalidTargetException naming the refused text (cut to 40 characters) and the
     *     accepted forms
     */
    public static LoopbackTarget parse(String host) {
        if (host == null) {
            throw new InvalidTargetException("host is missing (null); use " + ACCEPTED_FORMS);
        }
        String text = normalise(host);
        byte[] bytes = bytesOf(text);
        if (bytes == null) {
            throw refusal(host, reasonFor(host));
        }
        try {
            // The host name is given, so the JDK never does a reverse lookup for it either.
            return new LoopbackTarget(text, InetAddress.getByAddress(text, bytes));
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always a valid address", e);
        }
    }

    /**
     * The usual loopback address, 127.0.0.1.
     *
     * @return the target for 127.0.0.1
     */
    public static LoopbackTarget localhost() {
        return parse("127.0.0.1");
    }

    /**
     * This address with a port, ready for {@code bind} or {@code connect}.
     *
     * @param port a port from 0 to 65535; 0 asks the OS to pick one when binding
     * @return the socket address, not resolved because the address is already known
     * @throws PortFormatException if the port is outside 0–65535
     */
    public InetSocketAddress socketAddress(int port) {
        return new InetSocketAddress(address, Ports.requireValid(port));
    }

    /**
     * Tells whether this is the IPv6 loopback address {@code ::1}.
     *
     * @return true for {@code ::1}, false for the 127.x.y.z addresses
     */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** Lower-cases an ASCII {@code localhost} and drops the brackets of {@code [::1]}. */
    private static String normalise(String host) {
        if (host.equals("[::1]")) {
            return "::1";
        }
        // ASCII only: Java's equalsIgnoreCase would also accept "localhoſt" (long s) and a Kelvin
        // K.
        if (host.chars().allMatch(c -> c < 128)
                && host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return "localhost";
        }
        return host;
    }

    /** The address bytes of an accepted, normalised form, or null if the form is not accepted. */
    private static byte[] bytesOf(String text) {
        if (text.equals("localhost")) {
            return IpLiteral.loopbackV4().getAddress();
        }
        if (text.equals("::1")) {
            return IpLiteral.loopbackV6().getAddress();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return null;
        }
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            v4[i] = (byte) value;
        }
        return v4;
    }

    /** Reads 0–255 written in 1–3 ASCII digits without a leading zero; -1 for anything else. */
    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    /** Says why a refused text is wrong, for the common mistakes; a general reason otherwise. */
    private static String reasonFor(String host) {
        if (host.isEmpty()) {
            return "is empty";
        }
        if (!host.equals(host.strip()) || host.chars().anyMatch(Character::isWhitespace)) {
            return "has spaces in it";
        }
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "means every network interface, not loopback";
        }
        if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !host.startsWith("127.")) {
            return "is not a loopback address (loopback is 127.0.0.0/8 and ::1)";
        }
        if (host.matches("[0-9.]+") || host.matches("(?i)0x[0-9a-f.x]*")) {
            return "is not written as four decimal numbers without leading zeros";
        }
        if (host.contains(":")) {
            return "is not the IPv6 loopback address written as ::1";
        }
        return "is not a loopback address; names other than localhost are never looked up";
    }

    private static InvalidTargetException refusal(String host, String reason) {
        return new InvalidTargetException(
                "host " + UntrustedText.quote(host) + " " + reason + "; use " + ACCEPTED_FORMS);
    }
}
