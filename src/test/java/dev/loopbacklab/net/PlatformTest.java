package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformTest {
    static final Platform LINUX = Platform.of("Linux", "6.1.0");
    static final Platform MAC = Platform.of("Mac OS X", "14.5");
    static final Platform OLD_MAC = Platform.of("Mac OS X", "10.13.6");
    static final Platform WINDOWS = Platform.of("Windows 11", "10.0");

    @Test
    void readsMacVersions() {
        assertTrue(MAC.macAtLeast(10, 14));
        assertTrue(Platform.of("Mac OS X", "10.16").macAtLeast(10, 14));
        assertFalse(OLD_MAC.macAtLeast(10, 14));
        assertFalse(LINUX.macAtLeast(10, 14));
    }

    @Test
    void macRefusesPort80OnlyOnASpecificAddressAsThePublishedBindsShow()
            throws UnknownHostException {
        PrivilegedPorts rule = PrivilegedPorts.of(MAC);
        for (String[] row : PlatformFixture.load("macos/bind-80-nc.txt").rows()) {
            InetAddress address = InetAddress.getByName(row[0]);
            boolean refused = !row[2].equals("bound");
            assertEquals(
                    refused,
                    rule.isPrivileged(Integer.parseInt(row[1]), address),
                    String.join(" ", row));
        }
        assertTrue(rule.isPrivileged(80), "a specific address below 1024 needs root");
        assertFalse(rule.isPrivileged(1024, InetAddress.getLoopbackAddress()));
    }

    @Test
    void oldMacAndLinuxRefuseEveryAddressWindowsNone() throws UnknownHostException {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertTrue(PrivilegedPorts.of(OLD_MAC).isPrivileged(80, any));
        assertTrue(PrivilegedPorts.parseLinux("1024\n").isPrivileged(80, any));
        assertFalse(PrivilegedPorts.of(WINDOWS).isPrivileged(80, any));
        assertFalse(PrivilegedPorts.of(WINDOWS).isPrivileged(80));
    }

    @Test
    void onlyMacNeedsLoopbackAliases() {
        assertTrue(LINUX.wholeLoopbackBlock());
        assertTrue(WINDOWS.wholeLoopbackBlock());
        assertFalse(MAC.wholeLoopbackBlock());
        assertTrue(MAC.loopbackAliasNote().contains("ifconfig lo0 alias 127.0.0.2"));
    }

    @Test
    void reuseSemanticsDifferByFamily() {
        assertTrue(LINUX.hasReusePort());
        assertTrue(MAC.hasReusePort());
        assertFalse(WINDOWS.hasReusePort());
        assertTrue(WINDOWS.exclusiveBind());
        assertFalse(LINUX.exclusiveBind());
        assertTrue(WINDOWS.reuseAddressNote().contains("SO_EXCLUSIVEADDRUSE"));
    }

    @Test
    void echoHintsNeverOfferAnOptionTheSystemLacks() {
        String mac = MAC.echoToolHint("127.0.0.1", 7007);
        assertTrue(mac.contains("Homebrew"), mac);
        assertTrue(mac.contains("macOS's own nc is BSD netcat and has no -e"), mac);
        String windows = WINDOWS.echoToolHint("127.0.0.1", 7007);
        assertFalse(windows.contains("/bin/cat"), windows);
        assertFalse(windows.contains("ncat -l"), windows);
        assertTrue(LINUX.echoToolHint("::1", 7007).contains("ncat -l -k -e /bin/cat ::1 7007"));
    }

    @Test
    void onlyWindowsTakesSecondsToRefuseAsTheRecordedRunnersShow() {
        // platform/windows/refused-loopback-connect.txt: median ms per runner
        java.util.Map<String, Platform> runners =
                java.util.Map.of(
                        "ubuntu-latest", LINUX, "macos-15", MAC, "windows-latest", WINDOWS);
        int seen = 0;
        for (String line :
                PlatformFixture.load("windows/refused-loopback-connect.txt").body().split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !runners.containsKey(cells[1].strip())) {
                continue;
            }
            Platform platform = runners.get(cells[1].strip());
            double median = Double.parseDouble(cells[4].strip().replace(" ms", ""));
            assertEquals(median > 1000, platform.slowRefusal(), line);
            assertEquals(
                    platform.slowRefusal(),
                    platform.refusalNote().contains("about 2 s"),
                    platform.refusalNote());
            assertEquals(
                    !platform.slowRefusal(),
                    platform.refusalNote().contains("fails at once"),
                    platform.refusalNote());
            seen++;
        }
        assertEquals(3, seen, "one row per system");
        assertTrue(WINDOWS.refusalNote().contains("Java (JDK 16 and later)"));
    }

    @Test
    void onlyWindowsSocketsAreIpv6OnlyByDefaultAndJavaClearsItEverywhere() {
        assertTrue(WINDOWS.v6OnlyByDefault());
        assertFalse(LINUX.v6OnlyByDefault());
        assertFalse(MAC.v6OnlyByDefault());
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            String note = platform.dualStackNote();
            assertTrue(note.contains("the JDK turns IPV6_V6ONLY off on every IPv6 socket"), note);
            assertEquals(platform.v6OnlyByDefault(), note.contains("IPv6 only by default"), note);
        }
        assertTrue(LINUX.dualStackNote().contains("net.ipv6.bindv6only = 0"));
        assertTrue(MAC.dualStackNote().contains("net.inet6.ip6.v6only = 0"));
    }

    @Test
    void notesSayWhereUdpPortsComeFromOnEachSystem() {
        // What a JShell learner reads from Platform.current().notes(), per system: one line
        // each, the UDP range among them (Windows sets it apart from TCP's: KB 929851).
        java.util.Map<Platform, String> udp =
                java.util.Map.of(
                        LINUX,
                        "UDP ports: On Linux UDP draws from the same range as TCP:"
                                + " net.ipv4.ip_local_port_range",
                        MAC,
                        "UDP ports: On macOS UDP draws from the same range as TCP:"
                                + " net.inet.ip.portrange.first to .last.",
                        WINDOWS,
                        "UDP ports: On Windows UDP has a range of its own, set apart from TCP's:"
                                + " netsh int ipv4 show dynamicport udp");
        for (var expected : udp.entrySet()) {
            List<String> lines = expected.getKey().notes().lines().toList();
            int range =
                    lines.indexOf("ephemeral range: " + expected.getKey().ephemeralRangeSource());
            assertTrue(range > 0, lines.toString());
            // Next to the TCP range, once.
            assertTrue(lines.get(range + 1).startsWith(expected.getValue()), lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.startsWith("UDP ports:")).count());
        }
        assertFalse(LINUX.notes().contains("dynamicport udp"), LINUX.notes());
        assertFalse(MAC.notes().contains("dynamicport udp"), MAC.notes());
    }

    @Test
    void theRunningSystemMatchesItsJvm() {
        Platform here = Platform.current();
        assertEquals(OperatingSystem.current(), here.os());
        assertTrue(here.notes().startsWith(here.name()), here.notes());
        assertEquals(here.os() == OperatingSystem.LINUX, here.sortsWithGaiConf(), here.toString());
    }
}
