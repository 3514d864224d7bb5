package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListeningTableTest {

    private static RecordingReport run(SocketSource source, Map<String, String> values) {
        return RecordingReport.completed(new ListeningTable(source), values);
    }

    @Test
    void listsListenersSortedByPortWithScopeOwnerAndService() {
        Event.Table table = run(Fixtures.linux(), Map.of()).table("Listening TCP sockets");

        assertEquals(Listener.HEADERS, table.headers());
        assertEquals(
                List.of("0.0.0.0:22", "[::]:22", "127.0.0.1:7070", "[::1]:7070", "192.0.2.7:8080"),
                table.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(
                List.of(
                        "0.0.0.0:22",
                        "hidden from this user",
                        "all interfaces (wildcard)",
                        "tcp",
                        "0 (root)",
                        "well-known (system)",
                        "ssh"),
                table.rows().get(0));
        assertEquals(
                "python3 (pid 4242)", RecordingReport.cell(table, "127.0.0.1:7070", "process"));
        assertEquals("loopback only", RecordingReport.cell(table, "[::1]:7070", "scope"));
        assertEquals("a specific address", RecordingReport.cell(table, "192.0.2.7:8080", "scope"));
    }

    @Test
    void countsLoopbackWildcardAndHiddenListenersAsFacts() {
        RecordingReport report = run(Fixtures.linux(), Map.of());

        assertEquals("2", report.fact("listening on loopback only").value());
        assertEquals("2", report.fact("listening on all interfaces (wildcard)").value());
        assertEquals("1", report.fact("listening on a specific address").value());
        assertEquals("socket", report.fact("listening on a specific address").unit());
        assertEquals("3", report.fact("owner hidden from this user").value());
        assertTrue(
                report.fact("read the socket table and its owners").value().matches("\\d+\\.\\d"));
        assertEquals("ms", report.fact("read the socket table and its owners").unit());
    }

    @Test
    void showsTheUdpTableOnlyWhenAsked() {
        RecordingReport without = run(Fixtures.linux(), Map.of());
        assertTrue(
                without.all(Event.Table.class).stream()
                        .noneMatch(t -> t.caption().startsWith("Bound UDP")));

        Event.Table udp = run(Fixtures.linux(), Map.of("udp", "true")).table("Bound UDP sockets");
        assertEquals(
                List.of(
                        "127.0.0.1:7010",
                        "dnsmasq (pid 4244)",
                        "loopback only",
                        "udp",
                        "1000",
                        "registered (user)",
                        "—"),
                udp.rows().get(0));
        assertEquals(1, udp.rows().size());
    }

    @Test
    void namesTheLinuxCommandsAndMarksThisMachine() {
        Event.Table commands = run(Fixtures.linux(), Map.of()).table("The same list");
        assertEquals(
                "Linux (this machine)",
                RecordingReport.cell(commands, "Linux (this machine)", "system"));
        assertEquals("ss -ltnp", commands.rows().get(0).get(1));
        assertTrue(
                commands.rows().stream()
                        .anyMatch(
                                r ->
                                        r.get(1).equals("netstat -ltnp")
                                                && r.get(2).startsWith("obsolete")));
    }

    @Test
    void onMacosListsWhatLsofShowsAndSaysItShowsOnlyYourProcesses() {
        RecordingReport report = run(Fixtures.mac(), Map.of("udp", "true"));
        Event.Table table = report.table("Listening TCP sockets");

        assertEquals(
                List.of(
                        "0.0.0.0:7000",
                        "[::]:7000",
                        "127.0.0.1:44960",
                        "0.0.0.0:56863",
                        "[::]:56863"),
                table.rows().stream().map(r -> r.get(0)).toList());
        assertEquals("rapportd (pid 500)", RecordingReport.cell(table, "[::]:56863", "process"));
        assertEquals("—", RecordingReport.cell(table, "[::]:56863", "uid"));
        assertEquals("tcp6", RecordingReport.cell(table, "[::]:56863", "protocol"));
        assertEquals("4", report.fact("listening on all interfaces (wildcard)").value());
        assertEquals("1", report.fact("listening on loopback only").value());
        assertTrue(
                report.warnings().contains("lsof without sudo lists only your own processes"),
                report.warnings());
        assertTrue(report.warnings().contains("lsof -nP -iUDP"), report.warnings());
        assertEquals("from lsof", report.fact("read the socket table and its owners").note());
        assertEquals(
                "macOS (this machine)",
                RecordingReport.cell(
                        report.table("The same list"), "macOS (this machine)", "system"));
    }

    @Test
    void onWindowsListsWhatNetstatShowsWithPids() {
        RecordingReport report = run(Fixtures.windows(), Map.of());
        Event.Table table = report.table("Listening TCP sockets");

        assertEquals(11, table.rows().size());
        assertEquals("pid 4", RecordingReport.cell(table, "0.0.0.0:445", "process"));
        assertEquals("11", report.fact("listening on all interfaces (wildcard)").value());
        assertFalse(report.warnings().contains("lsof"), report.warnings());
        assertEquals(
                "Windows (cmd) (this machine)",
                RecordingReport.cell(
                        report.table("The same list"), "Windows (cmd) (this machine)", "system"));
    }

    @Test
    void warnsAndNamesATerminalCommandWhenTheTableCannotBeRead() {
        RecordingReport report = run(Fixtures.without("FreeBSD"), Map.of());
        assertTrue(
                report.warnings()
                        .contains(
                                "This machine runs FreeBSD: the lab reads the socket table on"
                                        + " Linux (/proc/net), macOS (lsof) and Windows (netstat) only."),
                report.warnings());
        assertTrue(report.warnings().endsWith("lsof -nP -iTCP -sTCP:LISTEN"), report.warnings());
        assertTrue(report.all(Event.Fact.class).isEmpty());

        RecordingReport failed = run(Fixtures.failing("Mac OS X"), Map.of());
        assertTrue(
                failed.warnings()
                        .startsWith(
                                "The lab could not read the socket table from lsof (lsof exited"
                                        + " with status 2)."),
                failed.warnings());
    }

    @Test
    void findsThisProcessServerAndMarksItAsTheLab() throws Exception {
        assumeTrue(SocketTable.available(), "reads Linux's /proc");
        long pid = ProcessHandle.current().pid();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RecordingReport report = run(SocketSource.real(), Map.of());
            Event.Table table = report.table("Listening TCP sockets");
            String endpoint = "127.0.0.1:" + server.getLocalPort();

            assertEquals(
                    "java (pid " + pid + ") ← this lab",
                    RecordingReport.cell(table, endpoint, "process"));
            assertEquals("loopback only", RecordingReport.cell(table, endpoint, "scope"));
            assertTrue(
                    report.warnings().contains("This lab's own process (pid " + pid + ") holds"),
                    report.warnings());
            assertTrue(report.warnings().contains(endpoint), report.warnings());
        }
    }

    @Test
    void saysSoWhenThisProcessListensNowhere() {
        RecordingReport report = run(Fixtures.linux(), Map.of());
        assertTrue(
                report.warnings().contains("listens on no TCP port right now"), report.warnings());
        assertFalse(report.warnings().contains("holds"), report.warnings());
    }
}
