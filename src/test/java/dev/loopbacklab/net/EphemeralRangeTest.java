package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EphemeralRangeTest {

    @Test
    void readsTheLinuxDefaultRange() {
        EphemeralRange range =
                EphemeralRange.parseLinux(
                        fixture("linux-ip_local_port_range.txt"),
                        fixture("linux-ip_local_reserved_ports-empty.txt"));
        assertEquals(32768, range.first());
        assertEquals(60999, range.last());
        assertEquals(28232, range.size());
        assertFalse(range.fallback());
        assertEquals(List.of(), range.reserved());
        assertTrue(range.source().contains("ip_local_port_range"), range.source());
    }

    @Test
    void linuxRangeDoesNotContainTheLabsDefaultPort() {
        EphemeralRange range = EphemeralRange.parseLinux("32768\t60999\n", "");
        assertFalse(range.contains(62893));
        assertTrue(EphemeralRange.iana().contains(62893));
    }

    @Test
    void readsLinuxReservedPortsAsSpans() {
        EphemeralRange range =
                EphemeralRange.parseLinux(
                        fixture("linux-ip_local_port_range.txt"),
                        fixture("linux-ip_local_reserved_ports.txt"));
        assertEquals(List.of(new PortSpan(8080, 8080), new PortSpan(9000, 9010)), range.reserved());
        assertTrue(range.isReserved(8080));
        assertTrue(range.isReserved(9005));
        assertFalse(range.isReserved(9011));
        assertEquals("9000-9010", range.reserved().get(1).toString());
    }

    @Test
    void treatsAMissingReservedListAsEmpty() {
        assertEquals(List.of(), EphemeralRange.parseLinux("32768 60999", null).reserved());
    }

    @Test
    void explainsAMalformedLinuxRange() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                EphemeralRange.parseLinux(
                                        fixture("linux-ip_local_port_range-malformed.txt"), ""));
        assertTrue(e.getMessage().startsWith("ip_local_port_range should hold two numbers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"60999 32768", "0x8000 60999", "32768 70000"})
    void refusesLinuxRangesThatAreNotPorts(String text) {
        assertThrows(IllegalArgumentException.class, () -> EphemeralRange.parseLinux(text, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080,", "9000-", "9010-9000", "1-2-3", "http"})
    void refusesMalformedReservedLists(String text) {
        assertThrows(
                IllegalArgumentException.class,
                () -> EphemeralRange.parseLinux("32768 60999", text));
    }

    @Test
    void readsMacSysctlAnswers() {
        EphemeralRange range =
                EphemeralRange.parseMacSysctl(
                        fixture("mac-sysctl-first.txt"), fixture("mac-sysctl-last.txt"));
        assertEquals(49152, range.first());
        assertEquals(65535, range.last());
        assertFalse(range.fallback());
        assertTrue(range.source().contains("sysctl"));
    }

    @Test
    void explainsAMalformedSysctlAnswer() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EphemeralRange.parseMacSysctl("sysctl: unknown oid", "65535"));
        assertTrue(
                e.getMessage().startsWith("net.inet.ip.portrange.first must be"), e.getMessage());
    }

    @Test
    void readsWindowsNetshOutputWithCrlfLineEndings() {
        String output = fixture("windows-netsh-dynamicport-tcp.txt");
        assertTrue(output.contains("\r\n"), "the fixture must keep its CRLF line endings");
        EphemeralRange range = EphemeralRange.parseWindowsNetsh(output);
        assertEquals(49152, range.first());
        assertEquals(65535, range.last());
        assertEquals(16384, range.size());
        assertFalse(range.fallback());
    }

    @Test
    void readsACustomWindowsRange() {
        EphemeralRange range =
                EphemeralRange.parseWindowsNetsh(
                        fixture("windows-netsh-dynamicport-tcp-custom.txt"));
        assertEquals(10000, range.first());
        assertEquals(10999, range.last());
    }

    @Test
    void readsNetshOutputWithUnixLineEndings() {
        String output = fixture("windows-netsh-dynamicport-tcp.txt").replace("\r\n", "\n");
        assertEquals(49152, EphemeralRange.parseWindowsNetsh(output).first());
    }

    @Test
    void explainsNetshOutputWithoutTheTwoNumbers() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EphemeralRange.parseWindowsNetsh(fixture("windows-netsh-error.txt")));
        assertTrue(e.getMessage().startsWith("netsh output should hold two"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "windows/netsh-dynamicport-tcp-en.txt",
                "windows/netsh-dynamicport-tcp-de.txt"
            })
    void readsRecordedNetshOutputInAnyLanguage(String path) {
        PlatformFixture fixture = PlatformFixture.load(path);
        for (String text : java.util.List.of(fixture.body(), fixture.crlf())) {
            EphemeralRange range = EphemeralRange.parseWindowsNetsh(text);
            assertEquals(49152, range.first());
            assertEquals(65535, range.last());
            assertEquals(16384, range.size());
        }
    }

    @Test
    void readsARecordedWindowsRangeMovedByAnInstaller() {
        EphemeralRange range =
                EphemeralRange.parseWindowsNetsh(
                        PlatformFixture.load("windows/netsh-dynamicport-tcp-en-vs.txt").body());
        assertEquals(1024, range.first());
        assertEquals(65534, range.last());
    }

    @Test
    void readsMacSysctlListings() {
        EphemeralRange range =
                EphemeralRange.parseMacSysctlOutput(
                        PlatformFixture.load("macos/sysctl-portrange-full.txt").body());
        assertEquals(49152, range.first());
        assertEquals(65535, range.last());
        assertEquals(16384, range.size());
    }

    @Test
    void saysWhichSysctlLineIsMissingFromAPartialListing() {
        for (String path :
                java.util.List.of(
                        "macos/sysctl-portrange-ocsinventory.txt",
                        "macos/sysctl-portrange-leopard.txt")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    EphemeralRange.parseMacSysctlOutput(
                                            PlatformFixture.load(path).body()));
            assertTrue(e.getMessage().contains("net.inet.ip.portrange.first"), e.getMessage());
        }
    }

    @Test
    void refusesANetshRangeThatRunsPast65535() {
        String output = "Start Port      : 60000\r\nNumber of Ports : 16384\r\n";
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EphemeralRange.parseWindowsNetsh(output));
        assertTrue(e.getMessage().contains("within 65535"), e.getMessage());
    }

    @Test
    void ianaRangeIsTheRfc6335DynamicRange() {
        EphemeralRange iana = EphemeralRange.iana();
        assertEquals(49152, iana.first());
        assertEquals(65535, iana.last());
        assertTrue(iana.fallback());
        assertEquals("IANA suggestion (RFC 6335 §6)", iana.source());
    }

    @Test
    void fallbackSaysWhyTheIanaRangeIsUsed() {
        EphemeralRange range =
                EphemeralRangeDetector.fallback("could not read x (NoSuchFileException)");
        assertTrue(range.fallback());
        assertEquals(
                "could not read x (NoSuchFileException); using IANA's suggestion (RFC 6335 §6)",
                range.source());
    }

    @Test
    void detectNeverThrowsForAnyOperatingSystem() {
        for (OperatingSystem os : OperatingSystem.values()) {
            EphemeralRange range = EphemeralRangeDetector.detect(os);
            assertNotNull(range.source(), os.name());
        }
        assertTrue(EphemeralRangeDetector.detect(OperatingSystem.OTHER).fallback());
    }

    @Test
    void detectsTheProcRangeOnLinux() throws IOException {
        assumeTrue(OperatingSystem.current() == OperatingSystem.LINUX);
        String[] ends =
                ProcFilesTest.readWithStream(EphemeralRangeDetector.LINUX_RANGE)
                        .strip()
                        .split("\\s+");
        EphemeralRange range = EphemeralRange.detect();
        assertFalse(range.fallback(), range.source());
        assertEquals(Integer.parseInt(ends[0]), range.first());
        assertEquals(Integer.parseInt(ends[1]), range.last());
    }

    @Test
    void recordRefusesARangeThatEndsBeforeItStarts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EphemeralRange(2, 1, "test", false, List.of()));
    }

    private static String fixture(String name) {
        try (InputStream in = EphemeralRangeTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void describesWhereAPortLiesInOneWording() {
        EphemeralRange linux = EphemeralRange.parseLinux("32768\t60999\n", "");
        assertEquals("32768–60999", linux.describe());
        assertEquals("inside this OS's ephemeral range 32768–60999", linux.describe(32768));
        assertEquals("outside this OS's ephemeral range 32768–60999", linux.describe(62893));
        assertEquals(
                "inside this OS's ephemeral range 49152–65535 (IANA's suggestion; this machine's"
                        + " range was not read)",
                EphemeralRange.iana().describe(62893));
    }
}
