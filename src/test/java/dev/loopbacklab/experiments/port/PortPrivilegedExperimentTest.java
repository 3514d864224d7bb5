package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.net.BindException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortPrivilegedExperimentTest {
    private final PortPrivilegedExperiment experiment = new PortPrivilegedExperiment();
    private final PrivilegedPorts linux1024 = PrivilegedPorts.parseLinux("1024");

    /** The tests may run as root or not: the outcome must match whichever it is. */
    @Test
    void lowPortResultAgreesWithTheUserAndTheOsRule() {
        RecordingReport report = RecordingReport.completed(experiment);

        int port = Integer.parseInt(report.factValue("first free port below 1024"));
        String result = report.factValue("result");
        boolean expected =
                !PrivilegedPorts.current().isPrivileged(port)
                        || PrivilegedPorts.mayBindPrivilegedPorts();
        assertEquals(expected ? "bound" : "BindException: Permission denied", result);
        assertEquals(
                result,
                RecordingReport.row(report.table("Binding"), "TCP 127.0.0.1:" + port).get(1));
    }

    @Test
    void contrastsWithAPortTheOsPicks() {
        Event.Table table = RecordingReport.completed(experiment).table("Binding");

        String picked = RecordingReport.row(table, "TCP 127.0.0.1:0").get(1);
        assertTrue(picked.startsWith("bound to port "), picked);
        int port = Integer.parseInt(picked.substring("bound to port ".length()));
        assertFalse(PrivilegedPorts.current().isPrivileged(port));
    }

    @Test
    void explainsPermissionDeniedFromTheOrdinaryUserAndTheRule() {
        Bind.Result denied =
                new Bind.Result(
                        false,
                        "BindException: Permission denied",
                        new BindException("Permission denied"));
        String text = PortPrivilegedExperiment.explain(1, denied, linux1024, false, false);

        assertTrue(text.contains("ordinary user"), text);
        assertTrue(text.contains("ip_unprivileged_port_start"), text);
        assertTrue(text.contains("from 1024 up"), text);
    }

    @Test
    void explainsASuccessfulLowBindFromRootOrFromTheRule() {
        Bind.Result bound = new Bind.Result(true, "bound", null);

        assertTrue(
                PortPrivilegedExperiment.explain(1, bound, linux1024, true, true).contains("root"));
        String free =
                PortPrivilegedExperiment.explain(
                        1, bound, PrivilegedPorts.parseLinux("0"), false, false);
        assertTrue(free.contains("not privileged"), free);
    }

    @Test
    void leavesNoListeningSocketBehind() {
        assumeTrue(SocketTable.available(), "needs Linux /proc");
        Set<String> before = OwnListeners.now();
        RecordingReport.completed(experiment);
        assertEquals(before, OwnListeners.now());
    }
}
