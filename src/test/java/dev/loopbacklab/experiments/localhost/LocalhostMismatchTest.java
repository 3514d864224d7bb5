package dev.loopbacklab.experiments.localhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalhostMismatchTest {
    private static final String REFUSED = "refused: Connection refused";

    private static Event.Table run(LocalhostLookup lookup, boolean ipv6) throws Exception {
        return report(lookup, ipv6).onlyTable();
    }

    private static RecordingReport report(LocalhostLookup lookup, boolean ipv6) throws Exception {
        LocalhostMismatch experiment = new LocalhostMismatch(lookup, () -> ipv6);
        RecordingReport report = new RecordingReport();
        experiment.run(Params.parse(experiment.params(), Map.of()), report);
        return report;
    }

    /** The result cell of the row for a server address and what the client tried. */
    private static String result(Event.Table table, String server, String tries) {
        return table.rows().stream()
                .filter(r -> r.get(0).equals(server) && r.get(1).startsWith(tries))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no row " + server + " / " + tries + " in " + table))
                .get(2);
    }

    @Test
    void anIpv4OnlyServerRefusesAClientThatTriesIpv6AndAcceptsOneThatFallsBack() throws Exception {
        Needs.ipv6();
        Event.Table table = run(LocalhostLookup.system(), true);

        assertEquals(REFUSED, result(table, "127.0.0.1", "::1 only"));
        assertEquals("connected", result(table, "127.0.0.1", "127.0.0.1 only"));
        assertTrue(
                result(table, "127.0.0.1", "::1, then 127.0.0.1")
                        .startsWith("::1 " + REFUSED + ", then 127.0.0.1 connected ("),
                table.toString());
    }

    @Test
    void anIpv6OnlyServerRefusesAClientThatTries127001() throws Exception {
        Needs.ipv6();
        Event.Table table = run(LocalhostLookup.system(), true);

        assertEquals(REFUSED, result(table, "::1", "127.0.0.1 only"));
        assertEquals("connected", result(table, "::1", "::1 only"));
        assertTrue(
                result(table, "::1", "127.0.0.1, then ::1")
                        .startsWith("127.0.0.1 " + REFUSED + ", then ::1 connected ("),
                table.toString());
        assertEquals(8, table.rows().size());
    }

    @Test
    void theLocalhostRowFollowsWhatJavaResolvesHere() throws Exception {
        Needs.ipv6();
        boolean ipv4First =
                !(LocalhostLookup.system().addresses().get(0) instanceof java.net.Inet6Address);
        Event.Table table = run(LocalhostLookup.system(), true);

        assertEquals(ipv4First ? "connected" : REFUSED, result(table, "127.0.0.1", "localhost → "));
        assertEquals(ipv4First ? REFUSED : "connected", result(table, "::1", "localhost → "));
    }

    @Test
    void aClientWhoseLocalhostIsIpv6FirstMissesTheIpv4Server() throws Exception {
        Needs.ipv6();
        Event.Table table = run(() -> List.of(Loopbacks.V6, Loopbacks.V4), true);

        assertEquals(REFUSED, result(table, "127.0.0.1", "localhost → ::1 (first of 2)"));
        assertEquals("connected", result(table, "::1", "localhost → ::1"));
    }

    @Test
    void neverConnectsWhereLocalhostIsNotLoopback() throws Exception {
        var foreign = java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 5});
        RecordingReport report = report(() -> List.of(foreign), false);

        assertEquals(
                "not tried: not loopback", result(report.onlyTable(), "127.0.0.1", "localhost"));
        assertTrue(report.warnings().contains("10.0.0.5, not loopback: not tried"));
    }

    @Test
    void withoutIpv6RunsTheIpv4RowsAndSaysSo() throws Exception {
        RecordingReport report = report(() -> List.of(Loopbacks.V4), false);

        assertEquals(
                List.of("127.0.0.1 only", "localhost → 127.0.0.1 (first of 1)"),
                report.onlyTable().rows().stream().map(r -> r.get(1)).toList());
        assertTrue(report.warnings().contains("IPv6 is not available here"));
    }

    @Test
    void leavesNoListenerBehind() throws Exception {
        assumeTrue(OwnSockets.supported(), "needs Linux /proc");
        Set<String> before = OwnSockets.listening();
        run(() -> List.of(Loopbacks.V4), Loopbacks.ipv6Available());

        assertEquals(before, OwnSockets.listening());
    }
}
