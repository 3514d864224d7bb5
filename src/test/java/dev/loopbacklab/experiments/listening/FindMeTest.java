package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindMeTest {

    @Test
    void findsBothServersWithThisPidDecodesOneAndClosesBoth() {
        assumeTrue(OwnSockets.supported(), "reads Linux's /proc");
        long pid = ProcessHandle.current().pid();
        Set<String> before = OwnSockets.listening();
        FindMe experiment = new FindMe();
        RecordingReport report = new RecordingReport();

        assertEquals(
                Outcome.COMPLETED,
                Runner.run(experiment, Params.defaults(experiment.params()), report),
                () -> report.events.toString());

        Event.Table found = report.table("Both servers in the socket table");
        assertEquals(2, found.rows().size());
        for (List<String> row : found.rows()) {
            assertEquals("java (pid " + pid + ")", row.get(4), row.toString());
            assertEquals("yes", row.get(5), row.toString());
        }
        List<String> loopback = found.rows().get(0);
        assertTrue(loopback.get(0).startsWith("127.0.0.1:"));
        assertEquals(loopback.get(0), loopback.get(1));
        assertEquals("loopback only", loopback.get(3));
        assertEquals("all interfaces (wildcard)", found.rows().get(1).get(3));
        assertTrue(
                found.rows().get(1).get(1).matches("(\\[::\\]|0\\.0\\.0\\.0):\\d+"),
                found.rows().toString());

        Event.Table raw = report.table("The same two lines, raw");
        assertEquals(2, raw.rows().size());
        raw.rows().forEach(r -> assertEquals("0A", r.get(4)));

        Event.Table decoding = report.table("Decoding the line of 127.0.0.1:");
        String port = loopback.get(0).substring("127.0.0.1:".length());
        assertTrue(
                decoding.rows().stream().anyMatch(r -> r.get(2).endsWith(" = " + port)),
                decoding.rows().toString());
        assertTrue(decoding.rows().stream().anyMatch(r -> r.get(2).equals("10 = LISTEN")));
        assertTrue(
                decoding.rows().stream()
                        .anyMatch(
                                r ->
                                        r.get(2)
                                                .matches(
                                                        "/proc/"
                                                                + pid
                                                                + "/fd/\\d+ → socket:\\[\\d+\\]")),
                decoding.rows().toString());

        assertEquals(before, OwnSockets.listening(), "both servers are closed after the run");
    }

    @Test
    void takesNoParameters() {
        assertEquals(List.of(), new FindMe().params());
    }

    @Test
    void onMacosFindsBothServersInTheLsofRowsWithTheirOwner() {
        // In the recorded lsof output, pid 510 listens on *:7000 (IPv4 and IPv6) and pid 520 on
        // 127.0.0.1:44960: as if this JVM were 510.
        List<ListedSocket> lsof =
                SocketTable.parseLsof(PlatformFixture.load("macos/lsof-nP-listen.txt").body());
        List<List<String>> rows =
                FindMe.listedRows(
                        List.of("127.0.0.1:44960", "0.0.0.0:7000"),
                        List.of(44960, 7000),
                        lsof,
                        510);

        assertEquals(
                List.of(
                        List.of(
                                "127.0.0.1:44960",
                                "127.0.0.1:44960",
                                "tcp",
                                "loopback only",
                                "Applicati (pid 520)",
                                "no"),
                        List.of(
                                "0.0.0.0:7000",
                                "0.0.0.0:7000",
                                "tcp",
                                "all interfaces (wildcard)",
                                "ControlCe (pid 510)",
                                "yes"),
                        List.of(
                                "0.0.0.0:7000",
                                "[::]:7000",
                                "tcp6",
                                "all interfaces (wildcard)",
                                "ControlCe (pid 510)",
                                "yes")),
                rows);
    }

    @Test
    void onWindowsFindsTheServerNetstatListsAndSaysWhenOneIsMissing() {
        List<ListedSocket> netstat =
                SocketTable.parseNetstat(PlatformFixture.load("windows/netstat-ano.txt").crlf());
        List<List<String>> rows =
                FindMe.listedRows(
                        List.of("127.0.0.1:7070", "0.0.0.0:3389"),
                        List.of(7070, 3389),
                        netstat,
                        1552);

        assertEquals(List.of("127.0.0.1:7070", "not found", "—", "—", "—", "—"), rows.get(0));
        assertEquals(
                List.of(
                        "0.0.0.0:3389",
                        "0.0.0.0:3389",
                        "tcp",
                        "all interfaces (wildcard)",
                        "pid 1552",
                        "yes"),
                rows.get(1));
    }
}
