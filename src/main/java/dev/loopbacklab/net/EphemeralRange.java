package dev.loopbacklab.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ports the operating system picks from when a program does not choose one: a client's source
 * port, or a server bound to port 0. Linux uses 32768–60999 by default, not IANA's 49152–65535, so
 * the lab reads the real range instead of assuming.
 *
 * <p>Try in JShell: {@code EphemeralRange.detect()} and {@code
 * EphemeralRange.detect().contains(62893)}.
 *
 * @param first the lowest port the OS hands out
 * @param last the highest port the OS hands out
 * @param source where the range came from, or why the IANA suggestion is used instead
 * @param fallback true if the range was not read from this machine
 * @param reserved ports inside the range the OS will not hand out (Linux only; often empty)
 */
public record EphemeralRange(
        int first, int last, String source, boolean fallback, List<PortSpan> reserved) {
    private static final String IANA_SOURCE = "IANA suggestion (RFC 6335 §6)";

    /**
     * Checks the ends and keeps an unchangeable copy of the reserved list.
     *
     * @param first the lowest port the OS hands out
     * @param last the highest port, not below {@code first}
     * @param source where the range came from
     * @param fallback true if not read from this machine
     * @param reserved ports the OS skips; copied
     * @throws IllegalArgumentException if an end is not a port or the ends are out of order
     */
    public EphemeralRange {
        Ports.requireValid(first);
        Ports.requireValid(last);
        if (last < first) {
            throw new IllegalArgumentException(
                    "the ephemeral range must not end ("
                            + last
                            + ") before it starts ("
                            + first
                            + ")");
        }
        Objects.requireNonNull(source, "source");
        reserved = List.copyOf(reserved);
    }

    /**
     * Counts the ports in the range, reserved ones included.
     *
     * @return {@code last - first + 1}
     */
    public int size() {
        return last - first + 1;
    }

    /**
     * Tells whether the OS may pick {@code port} on its own, e.g. as a client's source port.
     *
     * @param port any number
     * @return true if {@code first <= port <= last}
     */
    public boolean contains(int port) {
        return first <= port && port <= last;
    }

    /**
     * The ends as a learner reads them.
     *
     * @return such as {@code 32768–60999}
     */
    public String span() {
        return first + "–" + last;
    }

    /**
     * The range as a learner reads it, saying so when it is IANA's suggestion rather than this
     * machine's. The one wording of the range for every page, table and message.
     *
     * @return such as {@code 32768–60999}, or {@code 49152–65535 (IANA's suggestion; this machine's
     *     range was not read)}
     */
    public String describe() {
        return span() + (fallback ? " (IANA's suggestion; this machine's range was not read)" : "");
    }

    /**
     * Where {@code port} lies relative to this range, as a learner reads it.
     *
     * @param port any number
     * @return such as {@code inside this OS's ephemeral range 32768–60999} or {@code outside …}
     */
    public String describe(int port) {
        return (contains(port) ? "inside" : "outside") + " this OS's ephemeral range " + describe();
    }

    /**
     * Tells whether {@code port} is listed as reserved, so the OS skips it when choosing.
     *
     * @param port any number
     * @return true if one of the {@link #reserved()} spans contains it
     */
    public boolean isReserved(int port) {
        return reserved.stream().anyMatch(span -> span.contains(port));
    }

    /**
     * IANA's suggested dynamic range, 49152–65535, which Windows and macOS use by default.
     *
     * @return the IANA range, marked as a fallback
     */
    public static EphemeralRange iana() {
        return new EphemeralRange(
                PortCategory.DYNAMIC.first(),
                PortCategory.DYNAMIC.last(),
                IANA_SOURCE,
                true,
                List.of());
    }

    /**
     * Reads this machine's range: Linux's {@code /proc/sys/net/ipv4} files, macOS's {@code sysctl},
     * or Windows's {@code netsh}. Never throws: if nothing can be read, returns {@link #iana()}
     * with a source that says why.
     *
     * @return the range and where it came from
     */
    public static EphemeralRange detect() {
        return EphemeralRangeDetector.detect(OperatingSystem.current());
    }

    /**
     * Reads the range UDP's bind(0) draws from on this machine: the same as {@link #detect()} on
     * Linux and macOS, whose kernels keep one range for both transports; Windows' own UDP range
     * ({@code netsh int ipv4 show dynamicport udp}), which it sets apart from TCP's. Never throws.
     *
     * @return the range and where it came from
     */
    public static EphemeralRange detectUdp() {
        return EphemeralRangeDetector.detect(OperatingSystem.current(), "udp");
    }

    /**
     * Reads Linux's files: {@code ip_local_port_range} holds two numbers such as {@code
     * "32768\t60999\n"}; {@code ip_local_reserved_ports} holds a list such as {@code
     * "8080,9000-9010\n"}, or an empty line.
     *
     * @param rangeText the text of {@code ip_local_port_range}
     * @param reservedText the text of {@code ip_local_reserved_ports}; null or empty for none
     * @return the range, not a fallback
     * @throws IllegalArgumentException if either text is malformed
     */
    public static EphemeralRange parseLinux(String rangeText, String reservedText) {
        String[] ends = Objects.requireNonNull(rangeText, "rangeText").strip().split("\\s+");
        if (ends.length != 2) {
            throw new IllegalArgumentException(
                    "ip_local_port_range should hold two numbers, like \"32768\t60999\"; got "
                            + UntrustedText.quote(rangeText));
        }
        int first = Ports.parse(ends[0], "ip_local_port_range (first)");
        int last = Ports.parse(ends[1], "ip_local_port_range (last)");
        return new EphemeralRange(
                first,
                last,
                "Linux net.ipv4.ip_local_port_range (" + EphemeralRangeDetector.LINUX_RANGE + ")",
                false,
                parseReserved(reservedText));
    }

    private static List<PortSpan> parseReserved(String text) {
        List<PortSpan> spans = new ArrayList<>();
        String list = text == null ? "" : text.strip();
        if (list.isEmpty()) {
            return spans;
        }
        for (String item : list.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException(
                        "ip_local_reserved_ports entries look like 8080 or 9000-9010; got "
                                + UntrustedText.quote(item));
            }
            int from = Ports.parse(ends[0], "ip_local_reserved_ports entry");
            int to =
                    ends.length == 2 ? Ports.parse(ends[1], "ip_local_reserved_ports entry") : from;
            spans.add(new PortSpan(from, to));
        }
        return spans;
    }

    /**
     * Reads the two answers of macOS's {@code sysctl -n net.inet.ip.portrange.first} and {@code
     * .last}, e.g. {@code "49152\n"} and {@code "65535\n"}.
     *
     * @param firstText what {@code sysctl} printed for {@code net.inet.ip.portrange.first}
     * @param lastText what {@code sysctl} printed for {@code net.inet.ip.portrange.last}
     * @return the range, not a fallback
     * @throws IllegalArgumentException if either text is not a single port number
     */
    public static EphemeralRange parseMacSysctl(String firstText, String lastText) {
        int first = Ports.parse(stripped(firstText), "net.inet.ip.portrange.first");
        int last = Ports.parse(stripped(lastText), "net.inet.ip.portrange.last");
        return new EphemeralRange(
                first, last, "macOS sysctl net.inet.ip.portrange.first/last", false, List.of());
    }

    /**
     * Reads the full output of macOS's {@code sysctl net.inet.ip.portrange} (or {@code sysctl -a}),
     * lines like {@code "net.inet.ip.portrange.first: 49152"}; the {@code .first} and {@code .last}
     * lines give the range (macOS's {@code .hifirst}/{@code .hilast} only apply to sockets that ask
     * for the high range).
     *
     * @param output what sysctl printed
     * @return the range, not a fallback
     * @throws IllegalArgumentException if either line is missing or malformed
     */
    public static EphemeralRange parseMacSysctlOutput(String output) {
        Objects.requireNonNull(output, "output");
        return parseMacSysctl(
                sysctlValue(output, "net.inet.ip.portrange.first"),
                sysctlValue(output, "net.inet.ip.portrange.last"));
    }

    private static String sysctlValue(String output, String name) {
        for (String line : output.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(name + ":") || trimmed.startsWith(name + " =")) {
                return trimmed.substring(name.length() + 1).replace("=", "").strip();
            }
        }
        throw new IllegalArgumentException(
                "sysctl output has no \""
                        + name
                        + ": <number>\" line; got "
                        + UntrustedText.quote(output));
    }

    /**
     * Reads the output of Windows's {@code netsh int ipv4 show dynamicport tcp}: after the dashed
     * line come {@code "Start Port : 49152"} and {@code "Number of Ports : 16384"}. Only the order
     * and the numbers are read, not the labels, so Windows in any display language works.
     *
     * @param output what {@code netsh} printed, with any line endings
     * @return the range, not a fallback
     * @throws IllegalArgumentException if the two numbers are missing or malformed
     */
    public static EphemeralRange parseWindowsNetsh(String output) {
        return parseWindowsNetsh(output, "tcp");
    }

    /**
     * Reads the output of Windows's {@code netsh int ipv4 show dynamicport <protocol>}, as {@link
     * #parseWindowsNetsh(String)} does; the protocol only names the source.
     *
     * @param output what {@code netsh} printed, with any line endings
     * @param protocol {@code "tcp"} or {@code "udp"}
     * @return the range, not a fallback
     * @throws IllegalArgumentException if the two numbers are missing or malformed
     */
    public static EphemeralRange parseWindowsNetsh(String output, String protocol) {
        Objects.requireNonNull(output, "output");
        List<String> values = new ArrayList<>();
        for (String line : output.split("\\R")) {
            int colon = line.lastIndexOf(':');
            if (colon > 0 && !line.substring(0, colon).isBlank()) {
                String value = line.substring(colon + 1).strip();
                if (value.matches("[0-9]+")) {
                    values.add(value);
                }
            }
        }
        if (values.size() != 2) {
            throw new IllegalArgumentException(
                    "netsh output should hold two \"<label> : <number>\" lines (start port and"
                            + " number of ports); got "
                            + UntrustedText.quote(output));
        }
        int start = Ports.parse(values.get(0), "netsh start port");
        String countText = values.get(1);
        if (!countText.matches("[1-9][0-9]{0,4}")
                || start + Integer.parseInt(countText) - 1 > Ports.MAX) {
            throw new IllegalArgumentException(
                    "netsh Number of Ports should be a count that keeps the range within 65535; got "
                            + UntrustedText.quote(countText));
        }
        int last = start + Integer.parseInt(countText) - 1;
        return new EphemeralRange(
                start,
                last,
                "Windows netsh int ipv4 show dynamicport " + protocol,
                false,
                List.of());
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
