package dev.loopbacklab.experiments.exposure;

import static dev.loopbacklab.testing.RecordingReport.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultBindTest {
    private static final String TUTORIAL = "new ServerSocket(port)";
    private static final String FIXED =
            "new ServerSocket(port, 50, InetAddress.getLoopbackAddress())";

    private static RecordingReport run(Machine machine) throws Exception {
        DefaultBind experiment = new DefaultBind(machine);
        RecordingReport report = new RecordingReport();
        experiment.run(Params.defaults(experiment.params()), report);
        return report;
    }

    @Test
    void tutorialServerListensOnTheWildcardAndTheFixOnLoopback() throws Exception {
        assumeTrue(TestMachines.second(), "needs 127.0.0.2 (Linux)");
        RecordingReport report = run(TestMachines.lanForbidden());
        Event.Table table = report.onlyTable();

        assertEquals("0.0.0.0", cell(table, TUTORIAL, "getInetAddress()"));
        assertEquals("connected", cell(table, TUTORIAL, "via 127.0.0.2"));
        assertTrue(cell(table, TUTORIAL, "reading").contains("from the network too"));
        assertEquals("127.0.0.1", cell(table, FIXED, "getInetAddress()"));
        assertEquals("refused: Connection refused", cell(table, FIXED, "via 127.0.0.2"));
        assertEquals("connected", cell(table, FIXED, "via 127.0.0.1"));
        Event.Fact fact = report.all(Event.Fact.class).get(0);
        assertEquals("0.0.0.0", fact.value());
    }

    @Test
    void socketTableShowsTheWildcardAsDoubleColon() throws Exception {
        assumeTrue(SocketTable.available(), "the socket table is read from Linux's /proc");
        Event.Table table = run(TestMachines.lanForbidden()).onlyTable();

        String tutorial = cell(table, TUTORIAL, "socket table entry");
        String fixed = cell(table, FIXED, "socket table entry");
        assertTrue(tutorial.matches("tcp6? (\\[::]|0\\.0\\.0\\.0):[0-9]+"), tutorial);
        assertTrue(fixed.matches("tcp6? 127\\.0\\.0\\.1:[0-9]+"), fixed);
    }

    @Test
    void fallsBackToIpv6LoopbackWhen127002IsMissing() throws Exception {
        Needs.ipv6();
        RecordingReport report = run(TestMachines.without127002());
        Event.Table table = report.onlyTable();

        assertTrue(report.warnings().contains("127.0.0.2 is not configured on this OS"));
        assertTrue(table.headers().containsAll(List.of("via 127.0.0.1", "via ::1")));
        assertEquals("connected", cell(table, TUTORIAL, "via ::1"));
        assertEquals("refused: Connection refused", cell(table, FIXED, "via ::1"));
    }

    @Test
    void probesOnly127001WithNeitherIpv6Nor127002() throws Exception {
        RecordingReport report = run(new Machine(() -> false, () -> false, List::of));
        Event.Table table = report.onlyTable();

        assertEquals(
                List.of(
                        "created with",
                        "getInetAddress()",
                        "socket table entry",
                        "via 127.0.0.1",
                        "reading"),
                table.headers());
        assertTrue(report.warnings().contains("only 127.0.0.1 is probed"));
    }

    @Test
    void namesTheSocketAsEachSystemListsItOrItsCommand() {
        // lsof on macOS lists the wildcard as *, read as 0.0.0.0 (IPv4) and :: (IPv6).
        Optional<List<SocketTable.Entry>> mac =
                Optional.of(
                        SocketTable.parseLsof(
                                        PlatformFixture.load("macos/lsof-nP-listen.txt").body())
                                .stream()
                                .map(ListedSocket::entry)
                                .toList());
        assertEquals(
                "tcp 0.0.0.0:7000, tcp6 [::]:7000",
                DefaultBind.tableEntry(7000, mac, Platform.of("Mac OS X", "14.5")));
        Optional<List<SocketTable.Entry>> windows =
                Optional.of(
                        SocketTable.parseNetstat(
                                        PlatformFixture.load("windows/netstat-ano.txt").crlf())
                                .stream()
                                .map(ListedSocket::entry)
                                .toList());
        assertEquals(
                "tcp 0.0.0.0:3389",
                DefaultBind.tableEntry(3389, windows, Platform.of("Windows 11", "10.0")));
        assertEquals(
                "not listed", DefaultBind.tableEntry(7001, windows, Platform.of("Windows 11", "")));
        // Where the list cannot be read, the hint is the command of that system, never lsof on
        // Windows.
        assertEquals(
                "not readable here; try: netstat -ano -p tcp (LISTENING rows; the last column is"
                        + " the PID)",
                DefaultBind.tableEntry(7000, Optional.empty(), Platform.of("Windows 11", "10.0")));
        assertEquals(
                "not readable here; try: lsof -nP -iTCP -sTCP:LISTEN",
                DefaultBind.tableEntry(7000, Optional.empty(), Platform.of("Mac OS X", "14.5")));
        assertEquals(
                "not readable here; try: ss -ltnp",
                DefaultBind.tableEntry(7000, Optional.empty(), Platform.of("Linux", "6.1")));
    }
}
