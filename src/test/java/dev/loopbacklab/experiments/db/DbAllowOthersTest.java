package dev.loopbacklab.experiments.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbAllowOthersTest {
    private final DbAllowOthers experiment = new DbAllowOthers();

    private RecordingReport run() {
        return RecordingReport.completed(experiment);
    }

    @Test
    void theSwitchChangesOnlyTheStatusLineForLoopbackClients() {
        RecordingReport report = run();
        assertTrue(report.fact("H2 says, without").value().endsWith("(only local connections)"));
        assertTrue(
                report.fact("H2 says, with -tcpAllowOthers")
                        .value()
                        .endsWith("(others can connect)"));
        Event.Table table = report.table("The same server");
        assertEquals(6, table.rows().size());
        for (List<String> row : table.rows()) {
            // on 127.0.0.1 only: the other loopback addresses are refused by the OS
            assertEquals(
                    row.get(2).equals("127.0.0.1"),
                    row.get(3).startsWith("connected; "),
                    table.toString());
        }
        assertTrue(report.narration().contains("Only the status line differs"));
    }

    @Test
    void showsThatTheRunsLoginCannotRunCode() {
        String refusal = run().fact("the run's login may run Java code").value();
        assertTrue(refusal.startsWith("no: Admin rights are required"), refusal);
    }

    @Test
    void namesH2sExactRefusalForRemoteClients() {
        RecordingReport report = run();
        assertEquals("true", report.fact("127.0.0.2 is loopback").value());
        assertEquals(
                "Remote connections to this server are not allowed, see -tcpAllowOthers"
                        + " [90117-252]",
                report.fact("what another machine gets without the switch").value());
    }
}
