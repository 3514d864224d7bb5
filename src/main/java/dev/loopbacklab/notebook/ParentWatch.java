package dev.loopbacklab.notebook;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs in a session's child JVM and ends it when the lab that started it is gone, however the lab
 * ended: a {@code kill -9} leaves it no chance to close its children. Two signals: standard input
 * (a pipe from the lab) reaching its end, which is immediate, and the lab's process no longer being
 * alive (checked by {@link ProcessHandle}, which also tells a reused pid apart by its start time),
 * polled in case the pipe is not the lab's.
 */
final class ParentWatch {
    static final String PARENT_PID = "loopbacklab.parent.pid";
    private static final long POLL_MILLIS = 250;

    private ParentWatch() {}

    /** Starts watching the process named by {@link #PARENT_PID}, else this process's parent. */
    static void start() {
        Optional<ProcessHandle> parent =
                Optional.ofNullable(System.getProperty(PARENT_PID))
                        .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                        .or(() -> ProcessHandle.current().parent());
        if (parent.isEmpty()) {
            exit(); // already gone
            return;
        }
        ProcessHandle lab = parent.get();
        daemon(
                "lab-watch-poll",
                () -> {
                    while (lab.isAlive()) {
                        sleep(POLL_MILLIS);
                    }
                    exit();
                });
        daemon(
                "lab-watch-stdin",
                () -> {
                    try (FileInputStream in = new FileInputStream(FileDescriptor.in)) {
                        while (in.read() >= 0) {
                            // the lab never writes; anything read is ignored
                        }
                    } catch (IOException e) {
                        // same as the end of the stream
                    }
                    if (!lab.isAlive()) {
                        exit();
                    }
                });
    }

    /**
     * Ends this JVM: {@link System#exit} so a snippet's shutdown hooks run, and a halt a second
     * later if one of them hangs.
     */
    static void exit() {
        daemon(
                "lab-watch-halt",
                () -> {
                    sleep(1000);
                    Runtime.getRuntime().halt(1);
                });
        System.exit(0);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
