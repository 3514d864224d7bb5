package dev.loopbacklab.experiments.localhost;

import java.util.function.UnaryOperator;

/**
 * The system properties that change how Java resolves and connects: read once when the JVM starts
 * networking, so they only take effect as {@code java -D...} options.
 *
 * @param preferIpv6Addresses {@code java.net.preferIPv6Addresses}, or null when not set
 * @param preferIpv4Stack {@code java.net.preferIPv4Stack}, or null when not set
 * @param hostsFile {@code jdk.net.hosts.file}, or null when not set
 */
record JavaNetProperties(String preferIpv6Addresses, String preferIpv4Stack, String hostsFile) {

    /** This JVM's values. */
    static JavaNetProperties current() {
        return of(System::getProperty);
    }

    static JavaNetProperties of(UnaryOperator<String> property) {
        return new JavaNetProperties(
                property.apply("java.net.preferIPv6Addresses"),
                property.apply("java.net.preferIPv4Stack"),
                property.apply("jdk.net.hosts.file"));
    }

    /**
     * True unless preferIPv4Stack is "true": then Java uses IPv4 sockets and drops IPv6 answers.
     */
    boolean ipv6Stack() {
        return !"true".equalsIgnoreCase(preferIpv4Stack);
    }

    /** How Java orders a name's addresses, in words. */
    String order() {
        if (!ipv6Stack()) {
            return "IPv4 only: java.net.preferIPv4Stack=true makes Java drop IPv6 addresses";
        }
        String value = preferIpv6Addresses == null ? "false" : preferIpv6Addresses;
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> "IPv6 addresses first";
            case "system" -> "the operating system's order, as getaddrinfo returns it";
            default ->
                    "IPv4 addresses first (Java's default, kept for programs written before IPv6)";
        };
    }

    /** A property's value for display: "not set (false)" rather than "null". */
    static String shown(String value, String byDefault) {
        return value == null ? "not set (" + byDefault + ")" : value;
    }
}
