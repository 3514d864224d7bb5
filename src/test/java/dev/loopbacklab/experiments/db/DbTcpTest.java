package dev.loopbacklab.experiments.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbTcpTest {
    private final DbTcp experiment = new DbTcp();

    private RecordingReport run() {
        return RecordingReport.completed(experiment);
    }

    @Test
    void storesAndReadsARowThroughJdbcOverLoopback() {
        RecordingReport report = run();
        assertEquals("1 | hello over loopback", report.fact("row read back").value());
        String url = report.fact("JDBC URL").value();
        assertTrue(url.matches("jdbc:h2:tcp://127\\.0\\.0\\.1:(\\d+)/mem:lab\\1"), url);
        assertTrue(report.fact("H2 says").value().endsWith("(only local connections)"));
        int source = Integer.parseInt(report.fact("client source port").value());
        assertTrue(source > 0 && !url.contains(":" + source + "/"), url + " " + source);
    }

    @Test
    void showsTheListeningAddressFromTheSocketTable() {
        RecordingReport report = run();
        if (!SocketTable.listable()) {
            assertTrue(report.warnings().contains("cannot read this system's socket table"));
            return;
        }
        Event.Table table = report.table("Where H2 listens");
        assertTrue(!table.rows().isEmpty(), table.toString());
        // The lab binds H2 to 127.0.0.1 (h2.bindAddress): never the wildcard [::] or 0.0.0.0.
        for (List<String> row : table.rows()) {
            assertTrue(row.get(1).startsWith("127.0.0.1:"), row.toString());
            assertEquals("yes", row.get(2), row.toString());
        }
        assertTrue(report.narration().contains("H2 listens on 127.0.0.1 only"));
    }

    @Test
    void only127001ReachesTheServerAndGetsASession() {
        Event.Table table = run().table("Who gets in");
        assertEquals(
                List.of("127.0.0.1", "127.0.0.2", "[::1]"),
                table.rows().stream().map(r -> r.get(0)).toList());
        List<String> first = table.rows().get(0);
        assertTrue(first.get(1).startsWith("CONNECTED: connected from "), first.toString());
        assertTrue(first.get(2).startsWith("connected; H2 saw the client at "), first.toString());
        for (List<String> row : table.rows().subList(1, 3)) {
            assertTrue(row.get(1).startsWith("REFUSED"), row.toString());
            assertEquals("yes", row.get(3));
        }
    }
}
