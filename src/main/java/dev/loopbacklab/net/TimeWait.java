package dev.loopbacklab.net;

import java.io.IOException;

/**
 * How long a closed connection's 4-tuple stays in TIME_WAIT on the side that closed first (RFC 9293
 * §3.6.1 asks for 2×MSL). Linux fixes it at 60 s ({@code TCP_TIMEWAIT_LEN}); macOS uses twice
 * {@code net.inet.tcp.msl}, 15,000 ms by default, so 30 s; Windows keeps it in the registry value
 * {@code TcpTimedWaitDelay}, which the lab does not read.
 *
 * <p>Try in JShell: {@code TimeWait.current()}.
 *
 * @param seconds the length in seconds, or 0 when not known
 * @param source where the figure comes from, in words a learner can look up
 * @param known false when {@code seconds} is not known on this system
 */
public record TimeWait(int seconds, String source, boolean known) {
    private static final long COMMAND_TIMEOUT_MILLIS = 3000;

    /**
     * The length on the running system; never throws.
     *
     * @return the length and its source
     */
    public static TimeWait current() {
        OperatingSystem os = OperatingSystem.current();
        if (os == OperatingSystem.MAC) {
            try {
                return parseMacMsl(
                        Commands.run(COMMAND_TIMEOUT_MILLIS, "sysctl", "-n", "net.inet.tcp.msl"));
            } catch (IOException | RuntimeException e) {
                return new TimeWait(
                        30,
                        "could not read sysctl net.inet.tcp.msl ("
                                + e.getClass().getSimpleName()
                                + "); 30 s is macOS's default (2 × 15,000 ms)",
                        false);
            }
        }
        return of(os);
    }

    /**
     * The documented length for {@code os}, without asking the system.
     *
     * @param os the family
     * @return Linux's fixed 60 s, macOS's default 30 s, or unknown
     */
    public static TimeWait of(OperatingSystem os) {
        switch (os) {
            case LINUX:
                return new TimeWait(
                        60, "Linux TCP_TIMEWAIT_LEN (include/net/tcp.h), fixed at 60 s", true);
            case MAC:
                return new TimeWait(
                        30, "macOS default: 2 × net.inet.tcp.msl (15,000 ms) = 30 s", true);
            case WINDOWS:
                return new TimeWait(
                        0,
                        "Windows: the registry value TcpTimedWaitDelay"
                                + " (HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters);"
                                + " the lab does not read it",
                        false);
            default:
                return new TimeWait(0, "not known on this system", false);
        }
    }

    /**
     * Reads what {@code sysctl -n net.inet.tcp.msl} prints (milliseconds, e.g. {@code "15000\n"}),
     * or the {@code "net.inet.tcp.msl: 15000"} line of plain {@code sysctl}.
     *
     * @param output the command's output
     * @return twice the MSL, in whole seconds
     * @throws IllegalArgumentException if no number can be read
     */
    public static TimeWait parseMacMsl(String output) {
        String text = output == null ? "" : output.strip();
        int colon = text.lastIndexOf(':');
        String number = (colon >= 0 ? text.substring(colon + 1) : text).strip();
        if (!number.matches("[0-9]{1,7}")) {
            throw new IllegalArgumentException(
                    "net.inet.tcp.msl should be a number of milliseconds; got "
                            + UntrustedText.quote(output));
        }
        int millis = Integer.parseInt(number);
        return new TimeWait(
                2 * millis / 1000,
                "macOS sysctl net.inet.tcp.msl = " + millis + " ms; TIME_WAIT is twice that",
                true);
    }

    /**
     * Says it for a learner, e.g. {@code "60 s (Linux TCP_TIMEWAIT_LEN …)"}.
     *
     * @return the length and source, or that it is unknown
     */
    public String describe() {
        return known ? seconds + " s (" + source + ")" : "unknown here (" + source + ")";
    }
}
