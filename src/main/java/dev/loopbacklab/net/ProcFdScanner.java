package dev.loopbacklab.net;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds which process holds a socket, the way {@code ss -p} and {@code lsof} do on Linux.
 *
 * <p>Every open file of a process is a link in {@code /proc/<pid>/fd/}; for a socket the link reads
 * {@code socket:[12345]}, where 12345 is the inode that {@code /proc/net/tcp} lists. Other users'
 * processes are usually unreadable; they are skipped without a fuss.
 */
final class ProcFdScanner {

    private static final Path PROC = Path.of("/proc");
    private static final String PREFIX = "socket:[";

    private ProcFdScanner() {}

    /** Scans every process once and maps each socket inode to its owner. */
    static Map<Long, SocketOwner> owners() {
        Map<Long, SocketOwner> owners = new HashMap<>();
        scan(0, owners);
        return owners;
    }

    /** Scans processes until one holds the inode; 0 is never a real socket inode. */
    static Optional<SocketOwner> owner(long inode) {
        if (inode <= 0) {
            return Optional.empty();
        }
        Map<Long, SocketOwner> found = new HashMap<>();
        scan(inode, found);
        return Optional.ofNullable(found.get(inode));
    }

    /** Scans all processes, or stops early once {@code wanted} (if not 0) is found. */
    private static void scan(long wanted, Map<Long, SocketOwner> into) {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, ProcFdScanner::isPid)) {
            for (Path pidDir : pids) {
                if (scanProcess(pidDir, wanted, into)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or it changed under us: report what was found so far.
        }
    }

    private static boolean scanProcess(Path pidDir, long wanted, Map<Long, SocketOwner> into) {
        SocketOwner owner = null;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode <= 0) {
                    continue;
                }
                if (owner == null) {
                    owner =
                            new SocketOwner(
                                    Long.parseLong(pidDir.getFileName().toString()),
                                    command(pidDir));
                }
                into.putIfAbsent(
                        inode, owner); // a socket shared after fork() goes to the first pid
                if (inode == wanted) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Permission denied, or the process ended while we looked: skip it.
        }
        return false;
    }

    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith(PREFIX) && target.endsWith("]")) {
                return Long.parseLong(target, PREFIX.length(), target.length() - 1, 10);
            }
        } catch (IOException | RuntimeException e) {
            // The file was closed while we looked.
        }
        return -1;
    }

    private static String command(Path pidDir) {
        try {
            return Files.readString(pidDir.resolve("comm")).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static boolean isPid(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
