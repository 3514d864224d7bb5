package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during echo-rtt's Unix-socket phase left {@code /tmp/loopback-lab-…/echo.sock} behind, 3
 * times of 3, and nothing removed it. The next lab to start removes the folders of dead processes.
 */
class RunFoldersTest {
    @TempDir Path tmp;

    @Test
    void removesTheSocketFolderOfAProcessKilledWithSigkill() throws Exception {
        assumeTrue(UnixEchoServer.supported(), "no Unix domain sockets here");
        Process child =
                ChildJvm.start(List.of("-Djava.io.tmpdir=" + tmp), UnixEchoChild.class.getName());
        Path socket;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            socket = Path.of(out.readLine());
            assertTrue(Files.exists(socket), socket.toString());
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            child.waitFor();
        }
        assertTrue(Files.exists(socket), "kill -9 leaves the socket file: " + socket);
        Path folder = socket.getParent();
        assertEquals(List.of(folder), RunFolders.removeStale(tmp));
        assertFalse(Files.exists(folder));
    }

    @Test
    void keepsFoldersOfLiveProcessesAndEverythingThatIsNotTheLabs() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        Path mine = Files.createDirectory(tmp.resolve(RunFolders.prefix(self.pid(), start) + "a"));
        Path oldStyle = Files.createDirectory(tmp.resolve("loopback-lab-12345"));
        Path stranger = Files.createDirectory(tmp.resolve("someone-elses"));
        assertEquals(List.of(), RunFolders.removeStale(tmp));
        assertTrue(Files.isDirectory(mine));
        assertTrue(Files.isDirectory(oldStyle));
        assertTrue(Files.isDirectory(stranger));
    }

    @Test
    void neverFollowsALinkOutOfTheTempDirectory() throws Exception {
        long dead = deadPid();
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        // A link named like a dead lab's folder, and a dead lab's folder holding a link.
        Files.createSymbolicLink(tmp.resolve(RunFolders.prefix(dead, 0) + "link"), outside);
        Path folder = Files.createDirectory(tmp.resolve(RunFolders.prefix(dead, 0) + "real"));
        Files.createSymbolicLink(folder.resolve("escape"), outside);
        Files.writeString(folder.resolve("echo.sock"), "");
        assertEquals(List.of(folder), RunFolders.removeStale(tmp));
        assertEquals("keep me", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(tmp.resolve(RunFolders.prefix(dead, 0) + "link")));
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotAlive() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        assumeTrue(start != 0, "this OS does not say when a process started");
        assertTrue(RunFolders.alive(self.pid(), start));
        assertFalse(RunFolders.alive(self.pid(), start - 1));
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaBin, "-version").redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        process.waitFor();
        return process.pid();
    }
}
