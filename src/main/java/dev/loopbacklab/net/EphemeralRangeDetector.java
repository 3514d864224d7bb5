package dev.loopbacklab.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the ephemeral range on each operating system; {@link EphemeralRange} parses the text. */
final class EphemeralRangeDetector {
    static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    static final Path LINUX_RESERVED = Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports");

    /** Long enough for a cold start of sysctl or netsh, short enough not to stall a lesson. */
    private static final long COMMAND_TIMEOUT_MILLIS = 3000;

    private EphemeralRangeDetector() {}

    /** Reads the TCP range for {@code os}; on any failure, the IANA range with the reason. */
    static EphemeralRange detect(OperatingSystem os) {
        return detect(os, "tcp");
    }

    /**
     * Reads the range {@code protocol} ("tcp" or "udp") draws from. Linux and macOS have one range
     * for both; Windows sets one per transport (netsh ... dynamicport tcp|udp).
     */
    static EphemeralRange detect(OperatingSystem os, String protocol) {
        try {
            switch (os) {
                case LINUX:
                    return EphemeralRange.parseLinux(read(LINUX_RANGE), readReserved());
                case MAC:
                    return EphemeralRange.parseMacSysctl(
                            Commands.run(
                                    COMMAND_TIMEOUT_MILLIS,
                                    "sysctl",
                                    "-n",
                                    "net.inet.ip.portrange.first"),
                            Commands.run(
                                    COMMAND_TIMEOUT_MILLIS,
                                    "sysctl",
                                    "-n",
                                    "net.inet.ip.portrange.last"));
                case WINDOWS:
                    return EphemeralRange.parseWindowsNetsh(
                            Commands.run(
                                    COMMAND_TIMEOUT_MILLIS,
                                    "netsh",
                                    "int",
                                    "ipv4",
                                    "show",
                                    "dynamicport",
                                    protocol),
                            protocol);
                default:
                    return fallback(
                            "no known way to read it on " + System.getProperty("os.name", "?"));
            }
        } catch (IOException | RuntimeException e) {
            return fallback(
                    "could not read "
                            + what(os, protocol)
                            + " ("
                            + e.getClass().getSimpleName()
                            + ": "
                            + e.getMessage()
                            + ")");
        }
    }

    /** The IANA range, with a source that says why it is used. */
    static EphemeralRange fallback(String why) {
        return new EphemeralRange(
                49152, 65535, why + "; using IANA's suggestion (RFC 6335 §6)", true, List.of());
    }

    private static String read(Path file) throws IOException {
        return ProcFiles.read(file);
    }

    /** Old kernels lack the reserved-ports file; that means nothing is reserved. */
    private static String readReserved() throws IOException {
        return Files.exists(LINUX_RESERVED) ? read(LINUX_RESERVED) : "";
    }

    private static String what(OperatingSystem os, String protocol) {
        switch (os) {
            case LINUX:
                return LINUX_RANGE.toString();
            case MAC:
                return "sysctl net.inet.ip.portrange";
            case WINDOWS:
                return "netsh int ipv4 show dynamicport " + protocol;
            default:
                return "the range";
        }
    }
}
