package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import dev.loopbacklab.testing.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab that starts removes the temporary folders of dead labs (a socket file left by {@code kill
 * -9}), now off its main thread so the first page does not wait for it: the sweep still happens
 * while the lab runs, and a live process's folder stays.
 */
class StartSweepTest {

    @Test
    void aStartingLabRemovesTheFoldersOfDeadLabs(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path work = Files.createDirectory(dir.resolve("work"));
        long self = ProcessHandle.current().pid();
        // This test's own pid with another start time: a pid reused by a later process, so dead.
        Path stale = Files.createDirectory(tmp.resolve("loopback-lab-" + self + "-1-stale"));
        Files.writeString(stale.resolve("echo.sock"), "");
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Path live = Files.createDirectory(tmp.resolve("loopback-lab-" + self + "-" + start + "-x"));
        Path out = dir.resolve("out.txt");
        Process lab =
                ChildJvm.command(
                                List.of("-Djava.io.tmpdir=" + tmp),
                                Main.class.getName(),
                                "serve",
                                "--port",
                                "0")
                        .directory(work.toFile())
                        .redirectOutput(out.toFile())
                        .start();
        try {
            Wait.until("the stale folder removed", () -> !Files.exists(stale) || !lab.isAlive());
            assertTrue(lab.isAlive(), Files.readString(out));
            assertTrue(Files.isDirectory(live), "a live process's folder stays");
        } finally {
            lab.destroyForcibly().waitFor();
        }
    }
}
