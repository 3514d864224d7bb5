package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.HostsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The resolver's configuration files, read as text: nothing here resolves anything.
 *
 * @param hostsPath where the hosts file was looked for
 * @param hosts the parsed hosts file, or empty if it could not be read
 * @param hostsProblem why it could not be read, or null
 * @param nsswitchHosts the {@code hosts:} line of /etc/nsswitch.conf (glibc's order of sources), or
 *     empty where there is none (macOS, Windows, musl)
 * @param gaiRules the non-comment lines of /etc/gai.conf, which replace RFC 6724's default table;
 *     empty if the file is missing or all comments
 */
record ResolverConfig(
        Path hostsPath,
        Optional<HostsFile> hosts,
        String hostsProblem,
        Optional<String> nsswitchHosts,
        List<String> gaiRules) {

    /** This machine's files. */
    static ResolverConfig system() {
        return read(
                HostsFile.systemPath(), Path.of("/etc/nsswitch.conf"), Path.of("/etc/gai.conf"));
    }

    static ResolverConfig read(Path hostsPath, Path nsswitch, Path gai) {
        Optional<HostsFile> hosts = Optional.empty();
        String problem = null;
        try {
            hosts = Optional.of(HostsFile.read(hostsPath));
        } catch (NoSuchFileException e) {
            problem = hostsPath + " does not exist";
        } catch (IOException e) {
            problem = hostsPath + " could not be read: " + e.getMessage();
        }
        Optional<String> hostsLine =
                lines(nsswitch).stream().filter(l -> l.startsWith("hosts:")).findFirst();
        return new ResolverConfig(hostsPath, hosts, problem, hostsLine, lines(gai));
    }

    /** The file's lines without comments and blanks; none if it is missing or unreadable. */
    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .map(l -> l.indexOf('#') >= 0 ? l.substring(0, l.indexOf('#')) : l)
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
