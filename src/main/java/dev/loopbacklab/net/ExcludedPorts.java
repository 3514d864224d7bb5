package dev.loopbacklab.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The port ranges Windows keeps from programs ({@code netsh int ipv4 show excludedportrange
 * protocol=tcp}): Hyper-V, WSL2, Docker and WinNAT reserve blocks, often inside the dynamic range
 * and different after each reboot. Binding a port inside one fails although nothing listens there:
 * Windows says WSAEACCES (10013), which the JDK reports as "Address already in use: bind".
 *
 * <p>Try in JShell: {@code ExcludedPorts.detect()}.
 *
 * @param spans the excluded ranges, in the order netsh lists them
 * @param administered the ranges marked {@code *} (added by an administrator)
 * @param source where the list came from, or why it is empty
 * @param known false when the list could not be read (not Windows, or netsh failed)
 */
public record ExcludedPorts(
        List<PortSpan> spans, List<PortSpan> administered, String source, boolean known) {
    private static final long COMMAND_TIMEOUT_MILLIS = 3000;

    /**
     * Keeps unchangeable copies of the lists.
     *
     * @param spans the excluded ranges
     * @param administered the administered ranges
     * @param source where the list came from
     * @param known false when not read
     */
    public ExcludedPorts {
        spans = List.copyOf(spans);
        administered = List.copyOf(administered);
        Objects.requireNonNull(source, "source");
    }

    /**
     * No excluded ranges, as on every system but Windows.
     *
     * @return an empty, known list
     */
    public static ExcludedPorts none() {
        return new ExcludedPorts(
                List.of(), List.of(), "only Windows keeps excluded port ranges", true);
    }

    /**
     * Reads the list on Windows; elsewhere an empty list that says there is no such thing. Never
     * throws.
     *
     * @return the list and its source
     */
    public static ExcludedPorts detect() {
        if (OperatingSystem.current() != OperatingSystem.WINDOWS) {
            return none();
        }
        try {
            return parseNetsh(
                    Commands.run(
                            COMMAND_TIMEOUT_MILLIS,
                            "netsh",
                            "int",
                            "ipv4",
                            "show",
                            "excludedportrange",
                            "protocol=tcp"));
        } catch (IOException | RuntimeException e) {
            return new ExcludedPorts(
                    List.of(),
                    List.of(),
                    "could not read netsh int ipv4 show excludedportrange protocol=tcp ("
                            + e.getClass().getSimpleName()
                            + ")",
                    false);
        }
    }

    /**
     * Reads the output of {@code netsh int ipv4 show excludedportrange protocol=tcp}. Only the
     * numbers are read, two per line with an optional {@code *}, so the headings may be in any
     * language.
     *
     * @param output what netsh printed
     * @return the ranges
     * @throws IllegalArgumentException if a line holds two numbers that are not a port span
     */
    public static ExcludedPorts parseNetsh(String output) {
        Objects.requireNonNull(output, "output");
        List<PortSpan> spans = new ArrayList<>();
        List<PortSpan> administered = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            boolean star = words.length == 3 && words[2].equals("*");
            if ((words.length == 2 || star) && isNumber(words[0]) && isNumber(words[1])) {
                PortSpan span =
                        new PortSpan(
                                Ports.parse(words[0], "excluded range start"),
                                Ports.parse(words[1], "excluded range end"));
                spans.add(span);
                if (star) {
                    administered.add(span);
                }
            }
        }
        return new ExcludedPorts(
                spans, administered, "Windows netsh int ipv4 show excludedportrange", true);
    }

    private static boolean isNumber(String word) {
        return word.matches("[0-9]{1,5}");
    }

    /**
     * Finds the excluded range holding {@code port}.
     *
     * @param port any number
     * @return the range, or empty if the port is not excluded
     */
    public Optional<PortSpan> spanOf(int port) {
        return spans.stream().filter(span -> span.contains(port)).findFirst();
    }
}
