package dev.loopbacklab.experiments.listening;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The open file of one process that is a given socket, as {@code /proc/<pid>/fd} shows it. */
final class FdLinks {
    private FdLinks() {}

    /**
     * Finds the file descriptor of process {@code pid} that links to {@code socket:[inode]}.
     *
     * @return like {@code /proc/4242/fd/7 → socket:[123456]}; empty if none or not readable
     */
    static Optional<String> find(long pid, long inode) {
        String target = "socket:[" + inode + "]";
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    if (Files.readSymbolicLink(link).toString().equals(target)) {
                        return Optional.of(link + " → " + target);
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or not allowed to look
        }
        return Optional.empty();
    }
}
