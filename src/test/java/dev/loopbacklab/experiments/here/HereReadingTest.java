package dev.loopbacklab.experiments.here;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.testing.RecordingReport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * here-connections' reading of source ports on Linux, macOS and Windows: each system's own range
 * (Linux's default, macOS's sysctl, Windows' netsh, as recorded under platform/) judged against the
 * source ports its clients really used (macOS: lsof's localhost connections; Windows: netstat's
 * TIME_WAIT rows). The connections themselves are live in HereConnectionsTest; this is the part
 * that differs by system.
 */
class HereReadingTest {
    private static final InetSocketAddress SERVER =
            new InetSocketAddress(IpLiteral.loopbackV4(), 8411);

    private static List<HereConnections.Seen> clients(List<Integer> sourcePorts) {
        List<HereConnections.Seen> seen = new ArrayList<>();
        for (int port : sourcePorts) {
            InetSocketAddress client = new InetSocketAddress(IpLiteral.loopbackV4(), port);
            seen.add(new HereConnections.Seen(client, SERVER, client, SERVER));
        }
        return seen;
    }

    private static List<Integer> ports(String text, String regex) {
        List<Integer> ports = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    private static RecordingReport read(List<Integer> sourcePorts, EphemeralRange range) {
        RecordingReport report = new RecordingReport();
        HereConnections.show(report, clients(sourcePorts), SERVER, range);
        return report;
    }

    private static List<Boolean> highlighted(RecordingReport report) {
        return report.all(Event.Chart.class).get(0).bars().stream()
                .map(Event.Bar::highlight)
                .toList();
    }

    private static EphemeralRange linux() {
        return EphemeralRange.parseLinux("32768\t60999\n", "");
    }

    private static EphemeralRange mac() {
        return EphemeralRange.parseMacSysctlOutput(
                PlatformFixture.load("macos/sysctl-portrange-full.txt").body());
    }

    private static EphemeralRange windows() {
        return EphemeralRange.parseWindowsNetsh(
                PlatformFixture.load("windows/netsh-dynamicport-tcp-en.txt").crlf());
    }

    @Test
    void macosClientPortsFromLsofAreInsideMacosRange() {
        List<Integer> used =
                ports(
                        PlatformFixture.load("macos/lsof-i-P-node-wildcard.txt").body(),
                        "localhost:\\d+->localhost:(\\d+) \\(ESTABLISHED\\)");
        assertEquals(List.of(55932, 55937, 62231), used);

        RecordingReport report = read(used, mac());

        assertEquals("3 of 3", report.factValue(HereConnections.IN_RANGE));
        assertEquals(List.of(false, false, false), highlighted(report));
        // The same ports on a default Linux would be outside its range: 62231 > 60999.
        assertEquals("2 of 3", read(used, linux()).factValue(HereConnections.IN_RANGE));
    }

    @Test
    void windowsClientPortsFromNetstatAreInsideWindowsRange() {
        List<Integer> used =
                ports(
                        PlatformFixture.load("windows/netstat-ano-zh.txt").body(),
                        "127\\.0\\.0\\.1:8411\\s+127\\.0\\.0\\.1:(\\d+)\\s+TIME_WAIT");
        assertFalse(used.isEmpty());

        RecordingReport report = read(used, windows());

        assertEquals(
                used.size() + " of " + used.size(), report.factValue(HereConnections.IN_RANGE));
        assertTrue(highlighted(report).stream().noneMatch(h -> h), used.toString());
    }

    @Test
    void hereTwoTabsCallsAMacosAndAWindowsBrowserPortInsideItsOwnRange() {
        // The browser's source port on each system: the first client port each fixture shows.
        int macPort = 55932;
        int windowsPort =
                ports(
                                PlatformFixture.load("windows/netstat-ano-zh.txt").body(),
                                "127\\.0\\.0\\.1:8411\\s+127\\.0\\.0\\.1:(\\d+)\\s+TIME_WAIT")
                        .get(0);
        for (Object[] system :
                List.of(
                        new Object[] {mac(), macPort},
                        new Object[] {windows(), windowsPort},
                        new Object[] {linux(), 40000})) {
            EphemeralRange range = (EphemeralRange) system[0];
            int port = (Integer) system[1];
            TinyHttp.Arrival arrival =
                    new TinyHttp.Arrival(
                            new InetSocketAddress(IpLiteral.loopbackV4(), port),
                            SERVER,
                            "GET",
                            "/",
                            "127.0.0.1:8411",
                            200);
            String line = HereTwoTabs.show(new RecordingReport(), arrival, range, 1);

            assertTrue(
                    line.contains(
                            "source port "
                                    + port
                                    + ", inside this OS's ephemeral range "
                                    + range.describe()),
                    line);
        }
        TinyHttp.Arrival odd =
                new TinyHttp.Arrival(
                        new InetSocketAddress(IpLiteral.loopbackV4(), 62893),
                        SERVER,
                        "GET",
                        "/",
                        "127.0.0.1:8411",
                        200);
        assertTrue(
                HereTwoTabs.show(new RecordingReport(), odd, linux(), 1)
                        .contains("source port 62893, outside"));
    }

    @Test
    void port62893IsOutsideOnlyOnADefaultLinuxAsLesson00Says() {
        assertEquals(List.of(true), highlighted(read(List.of(62893), linux())));
        assertEquals(List.of(false), highlighted(read(List.of(62893), mac())));
        assertEquals(List.of(false), highlighted(read(List.of(62893), windows())));
    }
}
