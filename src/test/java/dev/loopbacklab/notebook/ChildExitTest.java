package dev.loopbacklab.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A lab killed outright ({@code kill -9}: no shutdown hook, no close) leaves no child JVM behind,
 * even one whose snippet left a server thread running.
 */
class ChildExitTest {
    @Test
    void theChildExitsWhenTheLabIsKilledWithSigkill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process lab =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                LabThatGetsKilled.class.getName())
                        .redirectErrorStream(true)
                        .start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
            String line;
            long pid = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("child ")) {
                    pid = Long.parseLong(line.substring(6).strip());
                    break;
                }
            }
            assertTrue(pid > 0, "the stand-in lab printed no child pid");
            ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
            assertTrue(child.isAlive());
            assertTrue(lab.toHandle().descendants().anyMatch(p -> p.pid() == child.pid()));
            lab.destroyForcibly(); // SIGKILL on Linux and macOS, TerminateProcess on Windows
            lab.waitFor();
            child.onExit().get(); // interruptible: the JUnit timeout ends a wait that never ends
            assertFalse(child.isAlive());
        } finally {
            lab.destroyForcibly();
        }
    }
}
