package dev.loopbacklab.net;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The operating system's rule for which ports need special rights to listen on. This is separate
 * from IANA's "well-known" category: on Linux the line is a setting, on Windows there is none.
 *
 * <p>Try in JShell: {@code PrivilegedPorts.current()}.
 *
 * @param unprivilegedStart the lowest port any user may listen on; ports below it are privileged
 * @param source where the number came from, in words a learner can look up
 * @param known false when the lab could not find out and {@code unprivilegedStart} is a guess
 * @param wildcardExempt true where the rule spares the wildcard addresses 0.0.0.0 and :: (macOS
 *     10.14 and later: 0.0.0.0:80 binds as any user, 127.0.0.1:80 does not)
 */
public record PrivilegedPorts(
        int unprivilegedStart, String source, boolean known, boolean wildcardExempt) {
    /** The Linux setting; {@code sysctl net.ipv4.ip_unprivileged_port_start} shows the same. */
    static final Path LINUX_FILE = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");

    /** The capability's number in {@code linux/capability.h}. */
    static final int CAP_NET_BIND_SERVICE = 10;

    private static final String LINUX_SOURCE = "Linux net.ipv4.ip_unprivileged_port_start";

    /**
     * Checks the parts: the start is a port number and the source is given.
     *
     * @param unprivilegedStart the lowest port any user may listen on
     * @param source where the number came from
     * @param known false if the number is a guess
     * @param wildcardExempt true if binding a wildcard address needs no privilege
     * @throws PortFormatException if the start is not a port
     */
    public PrivilegedPorts {
        Ports.requireValid(unprivilegedStart);
        Objects.requireNonNull(source, "source");
    }

    /**
     * A rule that applies to every address alike, as on Linux.
     *
     * @param unprivilegedStart the lowest port any user may listen on
     * @param source where the number came from
     * @param known false if the number is a guess
     */
    public PrivilegedPorts(int unprivilegedStart, String source, boolean known) {
        this(unprivilegedStart, source, known, false);
    }

    /**
     * Finds the rule of the machine the lab runs on. Never throws: when the rule cannot be read,
     * the result says so ({@code known} is false) and assumes 1024.
     *
     * @return the rule and where it came from
     */
    public static PrivilegedPorts current() {
        switch (OperatingSystem.current()) {
            case LINUX:
                try {
                    return parseLinux(ProcFiles.read(LINUX_FILE));
                } catch (IOException | RuntimeException e) {
                    return new PrivilegedPorts(
                            1024,
                            "could not read "
                                    + LINUX_FILE
                                    + " ("
                                    + e.getClass().getSimpleName()
                                    + "); assuming 1024, the Linux default",
                            false);
                }
            default:
                return of(Platform.current());
        }
    }

    /**
     * The documented rule of a system other than Linux (whose rule is a setting, read by {@link
     * #current()}); pure, so tests can ask for every system.
     *
     * @param platform the system
     * @return its rule
     */
    public static PrivilegedPorts of(Platform platform) {
        switch (platform.os()) {
            case LINUX:
                return new PrivilegedPorts(
                        1024, "Linux default of net.ipv4.ip_unprivileged_port_start", false);
            case MAC:
                if (platform.macAtLeast(10, 14)) {
                    return new PrivilegedPorts(
                            1024,
                            "macOS 10.14 (Mojave) and later: ports below 1024 need root only when"
                                    + " bound to a specific address such as 127.0.0.1; the wildcard"
                                    + " 0.0.0.0 or :: needs none",
                            true,
                            true);
                }
                return new PrivilegedPorts(
                        1024, "macOS before 10.14: ports below 1024 need root", true, false);
            case WINDOWS:
                return new PrivilegedPorts(
                        0,
                        "Windows has no privileged ports (but excluded port ranges refuse a bind"
                                + " with nothing listening: netsh int ipv4 show excludedportrange"
                                + " protocol=tcp)",
                        true);
            default:
                return new PrivilegedPorts(
                        1024,
                        "assumed: most Unix systems reserve ports below 1024 for root"
                                + " (not checked on "
                                + platform.name()
                                + ")",
                        false);
        }
    }

    /**
     * Reads the contents of Linux's {@code /proc/sys/net/ipv4/ip_unprivileged_port_start}, e.g.
     * {@code "1024\n"}.
     *
     * @param fileText the file's text
     * @return the rule, with {@code known} true
     * @throws IllegalArgumentException if the text is not a single port number
     */
    public static PrivilegedPorts parseLinux(String fileText) {
        String number = fileText == null ? null : fileText.strip();
        int start = Ports.parse(number, "ip_unprivileged_port_start");
        return new PrivilegedPorts(start, LINUX_SOURCE, true);
    }

    /**
     * Tells whether listening on {@code port} needs special rights here (root, or on Linux the
     * {@code CAP_NET_BIND_SERVICE} capability). Port 0 asks the OS to pick a port, so it never
     * does.
     *
     * @param port a port from 0 to 65535
     * @return true if the port is below {@link #unprivilegedStart()}
     * @throws PortFormatException if the port is outside 0–65535
     */
    public boolean isPrivileged(int port) {
        Ports.requireValid(port);
        return port != 0 && port < unprivilegedStart;
    }

    /**
     * Tells whether listening on {@code port} at {@code address} needs special rights here: as
     * {@link #isPrivileged(int)}, except that a wildcard address is spared where {@link
     * #wildcardExempt()} says so (macOS 10.14 and later).
     *
     * @param port a port from 0 to 65535
     * @param address the address to bind
     * @return true if an ordinary user would be refused
     * @throws PortFormatException if the port is outside 0–65535
     */
    public boolean isPrivileged(int port, InetAddress address) {
        return isPrivileged(port) && !(wildcardExempt && address.isAnyLocalAddress());
    }

    /**
     * Names the privileged ports in words, e.g. {@code "none"}, {@code "1–1023"} or, on macOS,
     * {@code "1–1023 on a specific address such as 127.0.0.1; none on the wildcard 0.0.0.0 or ::"}.
     *
     * @return the range as a learner reads it
     */
    public String rangeWords() {
        if (unprivilegedStart <= 1) {
            return "none";
        }
        String range = "1–" + (unprivilegedStart - 1);
        return wildcardExempt
                ? range
                        + " on a specific address such as 127.0.0.1; none on the wildcard 0.0.0.0 or ::"
                : range;
    }

    /**
     * Answers "is this port privileged here?" in words that stay true for every address.
     *
     * @param port a port from 0 to 65535
     * @return {@code "no"}, {@code "yes"}, or on macOS {@code "on 127.0.0.1 yes; on 0.0.0.0 no"}
     */
    public String answer(int port) {
        if (!isPrivileged(port)) {
            return "no";
        }
        return wildcardExempt ? "on 127.0.0.1 yes; on 0.0.0.0 no" : "yes";
    }

    /**
     * Tells whether this program runs as root (effective user id 0), which may bind any port. On
     * Linux this reads the {@code Uid:} line of {@code /proc/self/status}; elsewhere it compares
     * the {@code user.name} property with {@code "root"}.
     *
     * @return true if running as root
     */
    public static boolean runningAsRoot() {
        if (OperatingSystem.current() == OperatingSystem.LINUX) {
            try {
                return effectiveUidIsZero(ProcFiles.read(Path.of("/proc/self/status")));
            } catch (IOException | RuntimeException e) {
                // Fall through to the property: a guess is better than failing a lesson.
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Tells whether this program may bind privileged ports. On Linux that is decided by the {@code
     * CAP_NET_BIND_SERVICE} capability, read from the {@code CapEff:} line of {@code
     * /proc/self/status}: root normally holds it, {@code setcap} can give it to a program, and a
     * container may take it away even from root. Elsewhere the answer is {@link #runningAsRoot()}.
     *
     * @return true if binding a port below {@link #unprivilegedStart()} should work
     */
    public static boolean mayBindPrivilegedPorts() {
        if (OperatingSystem.current() == OperatingSystem.LINUX) {
            try {
                String status = ProcFiles.read(Path.of("/proc/self/status"));
                return effectiveCapability(status, CAP_NET_BIND_SERVICE);
            } catch (IOException | RuntimeException e) {
                // Fall through: root is the usual holder of the capability.
            }
        }
        return runningAsRoot();
    }

    /** Reads bit {@code bit} of the hex {@code CapEff:} mask, e.g. {@code 000001ffffffffff}. */
    static boolean effectiveCapability(String statusText, int bit) {
        for (String line : statusText.split("\\R")) {
            if (line.startsWith("CapEff:")) {
                return new BigInteger(line.substring(7).trim(), 16).testBit(bit);
            }
        }
        throw new IllegalArgumentException("no CapEff: line in /proc/self/status");
    }

    /** Reads the second number of the {@code Uid:} line (real, effective, saved, filesystem). */
    static boolean effectiveUidIsZero(String statusText) {
        for (String line : statusText.split("\\R")) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                return ids.length >= 2 && ids[1].equals("0");
            }
        }
        throw new IllegalArgumentException("no Uid: line in /proc/self/status");
    }
}
