package dev.loopbacklab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A hosts file ({@code /etc/hosts}, see hosts(5)) read as text: one address per line, then its
 * names, separated by blanks or tabs; from {@code #} to the end of a line is a comment. Addresses
 * are read as literals with {@link IpLiteral}, so nothing is ever looked up.
 *
 * <pre>{@code
 * HostsFile.parse("127.0.0.1 localhost\n::1 localhost ip6-localhost # IPv6\n").addressesOf("localhost");
 * // [/127.0.0.1, /0:0:0:0:0:0:0:1]
 * HostsFile.read(HostsFile.systemPath()).naming("localhost");
 * }</pre>
 *
 * @param entries the lines that map an address to names, in file order
 * @param skipped the lines with content this reader could not use, and why
 */
public record HostsFile(List<Entry> entries, List<Skipped> skipped) {
    /** Larger files are refused: ad-blocking hosts files run to a few MB, nothing real to 16. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Copies the lists, so a parsed file cannot change afterwards. */
    public HostsFile {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /**
     * One line that maps an address to names.
     *
     * @param line the line number, from 1
     * @param address the address, built from the literal without a lookup
     * @param names the canonical name first, then the aliases, as written
     */
    public record Entry(int line, InetAddress address, List<String> names) {
        /** Copies the names. */
        public Entry {
            names = List.copyOf(names);
        }

        /**
         * Tells whether this line gives {@code name} to its address; case does not matter, as in
         * every resolver.
         *
         * @param name a host name such as {@code localhost}
         * @return true if one of the line's names is {@code name}
         */
        public boolean names(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted));
        }

        /** Reads like the file: {@code 3: ::1 localhost ip6-localhost}. */
        @Override
        public String toString() {
            return line + ": " + AddressText.format(address) + " " + String.join(" ", names);
        }
    }

    /**
     * A line with content that was not used.
     *
     * @param line the line number, from 1
     * @param text the line without its comment
     * @param reason why it was skipped
     */
    public record Skipped(int line, String text, String reason) {}

    /**
     * Reads hosts-file text. Blank and comment-only lines are ignored; a line whose first field is
     * not a plain IP literal (a zone such as {@code fe80::1%lo0}, a name, {@code 127.1}) or that
     * has no names is listed in {@link #skipped()}.
     *
     * @param text the whole file
     * @return its entries, in order
     */
    public static HostsFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> fields = Arrays.asList(content.split("[ \t]+"));
            InetAddress address = literal(fields.get(0));
            if (address == null) {
                skipped.add(new Skipped(i + 1, content, reason(fields.get(0))));
            } else if (fields.size() < 2) {
                skipped.add(new Skipped(i + 1, content, "an address without any name"));
            } else {
                entries.add(new Entry(i + 1, address, fields.subList(1, fields.size())));
            }
        }
        return new HostsFile(entries, skipped);
    }

    /**
     * Reads and parses a hosts file.
     *
     * @param path usually {@link #systemPath()}
     * @return the parsed file
     * @throws IOException if it cannot be read, or is larger than 16 MB
     */
    public static HostsFile read(Path path) throws IOException {
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(path + " is larger than " + MAX_BYTES + " bytes; not read");
        }
        return parse(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
    }

    /**
     * Where this OS keeps its hosts file: {@code /etc/hosts}, or on Windows {@code
     * %SystemRoot%\System32\drivers\etc\hosts}.
     *
     * @return the path; it may not exist
     */
    public static Path systemPath() {
        if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
            String root = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            return Path.of(root, "System32", "drivers", "etc", "hosts");
        }
        return Path.of("/etc/hosts");
    }

    /**
     * The lines that give {@code name} to an address, in file order.
     *
     * @param name a host name such as {@code localhost}
     * @return those entries, perhaps none
     */
    public List<Entry> naming(String name) {
        return entries.stream().filter(e -> e.names(name)).toList();
    }

    /**
     * The addresses this file gives {@code name}, in file order, each once.
     *
     * @param name a host name such as {@code localhost}
     * @return the addresses, perhaps none
     */
    public List<InetAddress> addressesOf(String name) {
        return naming(name).stream().map(Entry::address).distinct().toList();
    }

    private static InetAddress literal(String field) {
        if (field.equalsIgnoreCase("localhost")) {
            return null; // IpLiteral reads it as 127.0.0.1, but in a hosts file it is a name
        }
        try {
            return IpLiteral.parse(field);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    private static String reason(String field) {
        if (field.indexOf(':') >= 0 && field.indexOf('%') >= 0) {
            return "an IPv6 address with a zone ("
                    + field.substring(field.indexOf('%'))
                    + "); this reader takes plain literals only";
        }
        return UntrustedText.quote(field)
                + " is not an IP address literal this reader takes"
                + " (it never looks names up)";
    }
}
