package dev.loopbacklab.net;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's temporary folders (a Unix socket's, a database's), named after the process that made
 * them: {@code loopback-lab-<pid>-<start>-<random>}. A process killed with {@code kill -9} cannot
 * delete its own, so the next lab to start removes every folder whose process is gone.
 */
public final class RunFolders {
    /** pid, then the process's start in epoch milliseconds (0 if the OS would not say). */
    private static final Pattern NAME = Pattern.compile("loopback-lab-(\\d{1,10})-(\\d{1,16})-.+");

    private static volatile boolean swept;

    private RunFolders() {}

    /**
     * Makes a new folder only this user can write to, in the system's temporary directory; the
     * first call in a process also sweeps away stale folders of dead ones.
     *
     * @return the new, empty folder
     * @throws IOException if it cannot be made
     */
    public static Path create() throws IOException {
        sweepOnce();
        ProcessHandle self = ProcessHandle.current();
        return Files.createTempDirectory(tmp(), prefix(self.pid(), startMillis(self)));
    }

    /**
     * Removes stale folders of dead processes from the system's temporary directory, once per
     * process: the lab calls it when it starts, and {@link #create()} before its first folder.
     *
     * @return the folders removed (empty after the first call)
     */
    public static synchronized List<Path> sweepOnce() {
        if (swept) {
            return List.of();
        }
        swept = true;
        return removeStale(tmp());
    }

    /**
     * Starts {@link #sweepOnce} on a daemon thread of its own and returns at once: the lab calls it
     * when it starts, so its first page does not wait for the sweep. {@link #create()} still waits
     * for a sweep under way (both hold this class's lock), so no folder is made before it is done.
     * A sweep cut short by the process's exit is finished by the next lab.
     */
    public static void sweepInBackground() {
        Thread sweep = new Thread(RunFolders::sweepOnce, "lab-sweep-run-folders");
        sweep.setDaemon(true);
        sweep.start();
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Removes the lab's folders in {@code tmp} whose process has ended: the folder and the files
     * directly in it (a socket file, a database's empty base folder). Symbolic links are never
     * followed, and anything that is not such a folder is left alone.
     *
     * @param tmp the temporary directory to sweep
     * @return the folders removed
     */
    public static List<Path> removeStale(Path tmp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "loopback-lab-*")) {
            for (Path folder : entries) {
                Matcher name = NAME.matcher(folder.getFileName().toString());
                if (name.matches()
                        && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        && !alive(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)))
                        && deleteTree(folder)) {
                    removed.add(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable temp directory: nothing to sweep. Never worth failing a start.
        }
        return removed;
    }

    /** The name a folder of this process starts with. */
    static String prefix(long pid, long startMillis) {
        return "loopback-lab-" + pid + "-" + startMillis + "-";
    }

    /** True if the process still runs; a pid reused by a later process does not count. */
    static boolean alive(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        long start = startMillis(process.get());
        return startMillis == 0 || start == 0 || start == startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Deletes the files in {@code folder} (not what links point to), then the folder. */
    private static boolean deleteTree(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                BasicFileAttributes attributes =
                        Files.readAttributes(
                                file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isDirectory()) {
                    deleteTree(file);
                } else {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
