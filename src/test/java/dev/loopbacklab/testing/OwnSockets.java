package dev.loopbacklab.testing;

import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What this test process holds open, read from Linux's /proc: for leak tests. */
public final class OwnSockets {
    private OwnSockets() {}

    /** True where /proc tells us what we hold. */
    public static boolean supported() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && SocketTable.available();
    }

    /** The listening sockets this process owns, as "tcp6 [::ffff:127.0.0.1]:4242" lines. */
    public static Set<String> listening() {
        long self = ProcessHandle.current().pid();
        Map<Long, SocketOwner> owners = SocketTable.owners();
        Set<String> mine = new TreeSet<>();
        for (SocketTable.Entry entry : SocketTable.listening()) {
            SocketOwner owner = owners.get(entry.inode());
            if (owner != null && owner.pid() == self) {
                mine.add(entry.protocol() + " " + entry.localEndpoint());
            }
        }
        return mine;
    }

    /** How many files (sockets included) this process has open. */
    public static long openFiles() {
        try (Stream<Path> files = Files.list(Path.of("/proc/self/fd"))) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
