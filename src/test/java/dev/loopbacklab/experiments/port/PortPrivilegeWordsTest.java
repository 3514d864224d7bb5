package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PrivilegedPorts;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** port-classify and port-privileged say what is true on macOS and Windows, not only on Linux. */
class PortPrivilegeWordsTest {
    static final PrivilegedPorts MAC = PrivilegedPorts.of(Platform.of("Mac OS X", "14.5"));
    static final PrivilegedPorts WINDOWS = PrivilegedPorts.of(Platform.of("Windows 11", "10.0"));
    static final PrivilegedPorts LINUX = PrivilegedPorts.parseLinux("1024\n");

    @Test
    void classifyNeverSaysPort80IsFreeOnAMac() {
        assertEquals(
                "on 127.0.0.1 yes; on 0.0.0.0 no", PortClassifyExperiment.row("80", MAC).get(4));
        assertEquals("yes", PortClassifyExperiment.row("80", LINUX).get(4));
        assertEquals("no", PortClassifyExperiment.row("80", WINDOWS).get(4));
        assertEquals("no", PortClassifyExperiment.row("8080", MAC).get(4));
        assertTrue(MAC.rangeWords().contains("none on the wildcard"), MAC.rangeWords());
        assertEquals("none", WINDOWS.rangeWords());
    }

    @Test
    void privilegedExplainsTheMacRefusalOfLoopbackAndTheSparedWildcard() {
        Bind.Result refused =
                new Bind.Result(
                        false,
                        "SocketException: Permission denied",
                        new SocketException("Permission denied"));
        String words = PortPrivilegedExperiment.explain(1, refused, MAC, false, false);
        assertTrue(words.startsWith("Port 1 needs privileges here"), words);
        assertTrue(words.contains("0.0.0.0:1 binds as any user, 127.0.0.1:1 does not"), words);
        String linux = PortPrivilegedExperiment.explain(1, refused, LINUX, false, false);
        assertTrue(!linux.contains("0.0.0.0:1 binds"), linux);
    }

    @Test
    void privilegedSaysWindowsHasNoSuchRule() {
        Bind.Result bound = new Bind.Result(true, Bind.BOUND, null);
        String words = PortPrivilegedExperiment.explain(1, bound, WINDOWS, false, false);
        assertTrue(words.startsWith("Port 1 is not privileged on this machine"), words);
        assertTrue(words.contains("excluded port ranges"), words);
    }
}
