package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortConflictExperimentTest {
    private final PortConflictExperiment experiment = new PortConflictExperiment();

    @Test
    void secondBindOfTheSameAddressGetsTheJdksExactMessage() {
        Event.Table table = RecordingReport.completed(experiment).table("Binding port");

        assertTrue(table.rows().get(0).get(1).startsWith("bound to port "), table.toString());
        List<String> again = table.rows().get(1);
        assertTrue(again.get(0).endsWith(" again"), again.toString());
        assertEquals("BindException: Address already in use", again.get(1));
        assertEquals(List.of("attempt", "result", "why"), table.headers());
    }

    @Test
    void udpOnTheSameNumberIsBoundBecauseItIsAnotherProtocol() {
        Event.Table table = RecordingReport.completed(experiment).table("Binding port");

        assertEquals("bound", RecordingReport.row(table, "UDP 127.0.0.1:").get(1));
    }

    @Test
    void wildcardOverlapsTheHeldLoopbackPortOnLinux() {
        assumeTrue(
                SocketTable.available(), "the wildcard rule differs between OSes; Linux refuses");
        Event.Table table = RecordingReport.completed(experiment).table("Binding port");

        assertEquals(
                "BindException: Address already in use",
                RecordingReport.row(table, "TCP 0.0.0.0:").get(1));
    }

    @Test
    void anotherLoopbackAddressIsBoundWhereThisOsHasOne() {
        boolean osHas127002 = canBind127002();
        Event.Table table = RecordingReport.completed(experiment).table("Binding port");

        String result = RecordingReport.row(table, "TCP 127.0.0.2:").get(1);
        assertEquals(osHas127002, result.equals("bound"), result);
    }

    @Test
    void leavesNoListeningSocketBehind() {
        assumeTrue(SocketTable.available(), "needs Linux /proc");
        Set<String> before = OwnListeners.now();
        RecordingReport.completed(experiment);
        assertEquals(before, OwnListeners.now());
    }

    private static boolean canBind127002() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(Bind.address(127, 0, 0, 2), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
