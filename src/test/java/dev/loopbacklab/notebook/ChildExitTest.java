package dev.loopbacklab.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lab killed outright ({@code kill -9}: no shutdown hook, no close) leaves no child JVM behind,
 * even one whose snippet left a server thread running.
 */
class ChildExitTest {
    @Test
    void theChildExitsWhenTheLabIsKilledWithSigkill() throws Exception {
        Process lab = ChildJvm.start(List.of(), LabThatGetsKilled.class.getName());
        try {
            String line = ChildJvm.firstLine(lab, l -> l.startsWith("child "));
            long pid = line == null ? -1 : Long.parseLong(line.substring(6).strip());
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
