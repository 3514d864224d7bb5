package dev.loopbacklab.experiments.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnLoopbackTest {
    private final OwnLoopback experiment = new OwnLoopback();

    @Test
    void aNamespaceHasItsOwnLoopbackInBothDirections() {
        assumeTrue(Namespace.availability().works(), "unshare -rn is not allowed here");
        RecordingReport report = RecordingReport.completed(experiment);

        assertEquals("DOWN", report.factValue("lo in a new namespace"));
        Event.Table interfaces = report.table("Interfaces inside");
        assertEquals(List.of("lo"), interfaces.rows().stream().map(r -> r.get(0)).toList());
        assertEquals("up", interfaces.rows().get(0).get(1));
        Event.Table reach = report.table("Who reaches whom");
        assertEquals("refused: Connection refused", reach.rows().get(0).get(2));
        assertEquals("refused: Connection refused", reach.rows().get(1).get(2));
        assertTrue(reach.rows().get(2).get(2).contains(InsideNamespace.GREETING), reach.toString());
        String inner = report.factValue("server inside the namespace");
        Event.Table tables = report.table("Listening on port");
        assertEquals(inner, RecordingReport.row(tables, "the namespace's").get(1));
        assertEquals("none", RecordingReport.row(tables, "this machine's").get(1));
    }

    @Test
    void leavesNoProcessBehind() {
        assumeTrue(Namespace.availability().works(), "unshare -rn is not allowed here");
        RecordingReport.completed(experiment);

        assertEquals(
                List.of(),
                ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info().commandLine().orElse("?"))
                        .filter(c -> c.contains("unshare") || c.contains("InsideNamespace"))
                        .toList());
    }

    @Test
    void whereNamespacesAreRefusedItSaysWhyAndShowsTheCommands() {
        RecordingReport report = new RecordingReport();
        Commands.explainUnavailable(
                report,
                Platform.of("Linux", "6.1"),
                new Namespace.Availability(
                        false, "unshare: unshare failed: Operation not permitted"));

        assertEquals("not possible here", report.factValue("a namespace of our own"));
        assertTrue(
                report.fact("a namespace of our own").note().contains("Operation not permitted"));
        assertTrue(
                RecordingReport.cell(
                                report.table("Try it by hand"), "Linux, as yourself", "command")
                        .startsWith("unshare -rn"));
    }

    @Test
    void onMacosAndWindowsItPointsAtTheVmAndShowsNoLinuxSettings() {
        for (Platform platform :
                List.of(Platform.of("Mac OS X", "14.5"), Platform.of("Windows 11", "10.0"))) {
            RecordingReport report = new RecordingReport();
            Commands.explainUnavailable(
                    report,
                    platform,
                    new Namespace.Availability(
                            false, "network namespaces are a Linux kernel feature"));

            String said = report.narration();
            assertTrue(said.startsWith("On " + platform.name() + ", Docker Desktop runs"), said);
            assertTrue(said.contains("in a Linux VM"), said);
            // On Windows only Linux containers are in the VM (Windows containers are another mode).
            assertEquals(platform.name().equals("Windows"), said.contains("WSL 2"), said);
            assertEquals(
                    platform.name().equals("Windows"),
                    said.contains("runs Linux containers"),
                    said);
            assertTrue(
                    report.all(Event.Table.class).stream()
                            .noneMatch(t -> t.caption().startsWith("Kernel settings")),
                    "no /proc settings on " + platform.name());
        }
    }
}
