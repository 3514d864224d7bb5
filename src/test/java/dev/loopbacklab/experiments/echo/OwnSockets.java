package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** This JVM's own sockets, so tests are not fooled by other programs on a shared machine. */
final class OwnSockets {
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private OwnSockets() {}

    static boolean available() {
        return Files.isDirectory(OWN_FDS) && SocketTable.available();
    }

    /** The listening TCP sockets held by this process, as sorted text. */
    static List<String> listening() {
        Set<Long> inodes = socketInodes();
        return SocketTable.listening().stream()
                .filter(e -> inodes.contains(e.inode()))
                .map(SocketTable.Entry::localEndpoint)
                .sorted()
                .toList();
    }

    static long openFiles() throws IOException {
        try (Stream<Path> files = Files.list(OWN_FDS)) {
            return files.count();
        }
    }

    private static Set<Long> socketInodes() {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> files = Files.list(OWN_FDS)) {
            for (Path fd : (Iterable<Path>) files::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException e) {
                    // closed between listing and reading: not ours any more
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return inodes;
    }
}
