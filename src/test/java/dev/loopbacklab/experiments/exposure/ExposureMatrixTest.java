package dev.loopbacklab.experiments.exposure;

import static dev.loopbacklab.testing.RecordingReport.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.RecordingReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureMatrixTest {
    private static final String REFUSED = "refused: Connection refused";

    private static RecordingReport run(Machine machine, boolean lan) throws Exception {
        ExposureMatrix matrix = new ExposureMatrix(machine);
        RecordingReport report = new RecordingReport();
        matrix.run(Params.parse(matrix.params(), Map.of("lan", Boolean.toString(lan))), report);
        return report;
    }

    @Test
    void showsWhoReachesWhichListenerOnThisMachine() throws Exception {
        Needs.ipv6();
        assumeTrue(TestMachines.second(), "needs 127.0.0.2 (Linux)");
        RecordingReport report = run(TestMachines.lanForbidden(), false);
        Event.Table table = report.onlyTable();

        assertEquals("connected", cell(table, "127.0.0.1", "via 127.0.0.1"));
        assertEquals(REFUSED, cell(table, "127.0.0.1", "via 127.0.0.2"));
        assertEquals(REFUSED, cell(table, "127.0.0.1", "via ::1"));
        assertEquals(
                "bound to 127.0.0.1: only reachable through that address",
                cell(table, "127.0.0.1", "reading"));

        String v4 = ExposureMatrix.IPV4_ONLY;
        assertEquals("connected", cell(table, v4, "via 127.0.0.1"));
        assertEquals("connected", cell(table, v4, "via 127.0.0.2"));
        assertEquals(REFUSED, cell(table, v4, "via ::1"), "an IPv4 socket never hears ::1");

        String plain = ExposureMatrix.PLAIN_JAVA;
        assertEquals("connected", cell(table, plain, "via 127.0.0.1"));
        assertEquals("connected", cell(table, plain, "via 127.0.0.2"));
        assertEquals(
                "connected",
                cell(table, plain, "via ::1"),
                "a plain ServerSocket on 0.0.0.0 is Java's dual-stack ::");
        assertTrue(report.narration().contains("answered ::1 too"), report.narration());

        assertEquals(REFUSED, cell(table, "::1", "via 127.0.0.1"));
        assertEquals(REFUSED, cell(table, "::1", "via 127.0.0.2"));
        assertEquals("connected", cell(table, "::1", "via ::1"));

        assertEquals("connected", cell(table, "::", "via 127.0.0.1"), "Java's :: is dual-stack");
        assertEquals("connected", cell(table, "::", "via 127.0.0.2"));
        assertEquals("connected", cell(table, "::", "via ::1"));
        assertTrue(cell(table, "::", "reading").contains("from the network too"));
        assertTrue(
                report.narration()
                        .contains(dev.loopbacklab.net.Platform.current().dualStackNote()));
        assertEquals("", report.warnings());
    }

    @Test
    void givesEveryListenerItsOwnPort() throws Exception {
        Event.Table table = run(TestMachines.lanForbidden(), false).onlyTable();
        long distinct =
                table.rows().stream()
                        .map(r -> r.get(1))
                        .filter(p -> !p.equals("-"))
                        .distinct()
                        .count();
        long bound = table.rows().stream().filter(r -> !r.get(1).equals("-")).count();

        assertEquals(bound, distinct);
        assertTrue(bound >= 2);
    }

    @Test
    void skipsIpv6RowsWithAWarningWhenIpv6IsMissing() throws Exception {
        RecordingReport report = run(TestMachines.withoutIpv6(), false);
        Event.Table table = report.onlyTable();

        assertTrue(report.warnings().contains("IPv6 is not available here"));
        assertEquals("skipped: no IPv6", cell(table, "::1", "via 127.0.0.1"));
        assertEquals("skipped: no IPv6", cell(table, "::", "via ::1"));
        assertEquals("skipped: no IPv6", cell(table, "127.0.0.1", "via ::1"));
        assertEquals("connected", cell(table, "127.0.0.1", "via 127.0.0.1"));
    }

    @Test
    void saysSoInsteadOfFailingWhen127002IsNotConfigured() throws Exception {
        RecordingReport report = run(TestMachines.without127002(), false);
        Event.Table table = report.onlyTable();

        assertTrue(report.warnings().contains("127.0.0.2 is not configured on this machine"));
        assertEquals("not configured on this OS", cell(table, "127.0.0.1", "via 127.0.0.2"));
        assertEquals(
                "not configured on this OS",
                cell(table, ExposureMatrix.IPV4_ONLY, "via 127.0.0.2"));
        assertEquals("connected", cell(table, ExposureMatrix.IPV4_ONLY, "via 127.0.0.1"));
    }

    @Test
    void lanProbesTheInjectedAddressesOnly() throws Exception {
        RecordingReport report =
                run(TestMachines.withLan(TestMachines.ALIAS_3, TestMachines.ALIAS_4), true);
        Event.Table table = report.onlyTable();

        assertTrue(table.headers().contains("via 127.0.0.3"));
        assertTrue(table.headers().contains("via 127.0.0.4"));
        assertEquals(
                table.headers().size(), 3 + 2 + 3, "listener, port, 3 standard, 2 LAN, reading");
        assertEquals(REFUSED, cell(table, "127.0.0.1", "via 127.0.0.3"));
        assertEquals("connected", cell(table, ExposureMatrix.IPV4_ONLY, "via 127.0.0.4"));
        assertTrue(report.narration().contains("127.0.0.3, 127.0.0.4"));
    }

    @Test
    void lanWithNoAddressesSaysSo() throws Exception {
        RecordingReport report = run(TestMachines.withLan(), true);

        assertTrue(report.narration().contains("no network address besides loopback"));
        assertFalse(
                report.onlyTable().headers().stream().anyMatch(h -> h.startsWith("via 127.0.0.3")));
    }
}
