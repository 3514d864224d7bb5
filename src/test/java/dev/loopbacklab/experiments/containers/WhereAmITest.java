package dev.loopbacklab.experiments.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RecordingReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signals read from fake machines laid out in a temporary folder. */
class WhereAmITest {
    @TempDir Path root;

    private void write(String file, String text) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void tellsWsl2FromProcVersion() throws Exception {
        write(
                "proc/version",
                "Linux version 5.15.167.4-microsoft-standard-WSL2 (root@f9c826d3017f) (gcc) #1 SMP");
        write("proc/1/comm", "init\n");
        Signals signals = Signals.read(root, root.resolve("home"), "Linux");

        assertTrue(signals.wsl());
        assertFalse(signals.container());
        assertTrue(signals.meaning("Linux").contains("localhost forwarding"));
    }

    @Test
    void tellsADockerContainerFromDockerenvAndProcessOne() throws Exception {
        write("proc/version", "Linux version 6.8.0-45-generic (buildd@lcy02) #45-Ubuntu SMP");
        write(".dockerenv", "");
        write("proc/1/cgroup", "0::/\n");
        write("proc/1/comm", "node\n");
        RecordingReport report = new RecordingReport();
        new WhereAmI(root, root.resolve("home"), "Linux").run(null, report);

        assertEquals(
                "present",
                RecordingReport.cell(report.table("What this machine"), "/.dockerenv", "found"));
        assertTrue(
                RecordingReport.cell(report.table("What this machine"), "/proc/1/comm", "suggests")
                        .startsWith("process 1 is not systemd or init"));
        assertTrue(report.narration().contains("inside a container"), report.narration());
    }

    @Test
    void aPlainLinuxMachineShowsNoContainer() throws Exception {
        write("proc/version", "Linux version 6.8.0-45-generic (buildd@lcy02) #45-Ubuntu SMP");
        write("proc/1/cgroup", "0::/init.scope\n");
        write("proc/1/comm", "systemd\n");
        Signals signals = Signals.read(root, root.resolve("home"), "Linux");

        assertFalse(signals.wsl());
        assertFalse(signals.container());
        assertTrue(signals.meaning("Linux").startsWith("No sign of a container"));
    }

    @Test
    void onMacosItLooksOnlyForDockerDesktop() throws Exception {
        Files.createDirectories(root.resolve("home/.docker/desktop"));
        Signals signals = Signals.read(root, root.resolve("home"), "Mac OS X");

        assertEquals(1, signals.rows().size());
        assertEquals("present", signals.rows().get(0).get(1));
        assertTrue(signals.meaning("Mac OS X").contains("Linux VM"));
    }

    @Test
    void onWindowsItTellsLinuxContainersInAVmFromWindowsContainers() throws Exception {
        Files.createDirectories(root.resolve("home/.docker/desktop"));
        // Nothing under root is read on Windows: a /proc here must not count.
        write("proc/version", "Linux version 5.15.167.4-microsoft-standard-WSL2");
        Signals signals = Signals.read(root, root.resolve("home"), "Windows 11");

        assertEquals(1, signals.rows().size());
        assertFalse(signals.wsl());
        String suggests = signals.rows().get(0).get(2);
        assertTrue(suggests.contains("Linux containers in a Linux VM"), suggests);
        assertTrue(suggests.contains("WSL 2"), suggests);
        String meaning = signals.meaning("Windows 11");
        assertTrue(meaning.contains("Windows containers"), meaning);
        assertTrue(meaning.contains("Hyper-V"), meaning);
        assertFalse(meaning.contains("On Windows containers run in a Linux VM"), meaning);
        assertTrue(meaning.contains("only when published"), meaning);
    }

    @Test
    void macosIsNotToldAboutWslOrWindowsContainers() throws Exception {
        Signals signals = Signals.read(root, root.resolve("home"), "Mac OS X");
        String meaning = signals.meaning("Mac OS X");
        assertTrue(meaning.startsWith("On macOS, Docker Desktop runs its containers"), meaning);
        assertFalse(meaning.contains("WSL"), meaning);
        assertFalse(meaning.contains("Hyper-V"), meaning);
    }

    @Test
    void runsOnThisMachine() {
        RecordingReport report = RecordingReport.completed(new WhereAmI());
        assertFalse(report.table("What this machine").rows().isEmpty());
    }
}
