package dev.loopbacklab.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The usual TCP service on a port: the machine's own {@code /etc/services} first, then a small
 * table bundled with the lab ({@code services.txt}) for ports the machine does not list, or for
 * machines without the file (Windows).
 */
final class ServiceNames {
    private static final Path ETC_SERVICES = Path.of("/etc/services");

    private final Map<Integer, String> names;

    private ServiceNames(Map<Integer, String> names) {
        this.names = Map.copyOf(names);
    }

    /** Loaded once: service tables do not change while a lesson runs. */
    private static final class Holder {
        static final ServiceNames SYSTEM = load(ETC_SERVICES);
    }

    /** The table for this machine. */
    static ServiceNames system() {
        return Holder.SYSTEM;
    }

    /** Reads {@code file} if it can; an unreadable or missing file leaves the bundled table. */
    static ServiceNames load(Path file) {
        try {
            return fromText(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException | UncheckedIOException e) {
            return fromText("");
        }
    }

    /** Builds the table from {@code /etc/services}-style text, filled up with the bundled one. */
    static ServiceNames fromText(String systemText) {
        Map<Integer, String> merged = new HashMap<>(parse(systemText == null ? "" : systemText));
        parse(bundledText()).forEach(merged::putIfAbsent);
        return new ServiceNames(merged);
    }

    /** The usual service on {@code port}, if known. */
    Optional<String> lookup(int port) {
        return Optional.ofNullable(names.get(port));
    }

    /**
     * Reads lines like {@code http 80/tcp www # WorldWideWeb HTTP}. Only TCP entries count, and the
     * first name given for a port wins, as it does for the C library's {@code getservbyport}.
     */
    static Map<Integer, String> parse(String text) {
        Map<Integer, String> result = new HashMap<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String[] portAndProtocol = words[1].split("/");
            if (portAndProtocol.length == 2
                    && portAndProtocol[1].equalsIgnoreCase("tcp")
                    && portAndProtocol[0].matches("[0-9]{1,5}")
                    && Integer.parseInt(portAndProtocol[0]) <= Ports.MAX) {
                result.putIfAbsent(Integer.parseInt(portAndProtocol[0]), words[0]);
            }
        }
        return result;
    }

    private static String bundledText() {
        try (InputStream in = ServiceNames.class.getResourceAsStream("services.txt")) {
            if (in == null) {
                throw new IllegalStateException("services.txt is missing from the lab's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
