package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivilegedPortsTest {

    @Test
    void readsTheLinuxSettingFromItsFileText() {
        PrivilegedPorts rule = PrivilegedPorts.parseLinux("1024\n");
        assertEquals(1024, rule.unprivilegedStart());
        assertEquals("Linux net.ipv4.ip_unprivileged_port_start", rule.source());
        assertTrue(rule.known());
    }

    @Test
    void treatsPortsBelowTheStartAsPrivileged() {
        PrivilegedPorts rule = PrivilegedPorts.parseLinux("1024");
        assertTrue(rule.isPrivileged(1));
        assertTrue(rule.isPrivileged(80));
        assertTrue(rule.isPrivileged(1023));
        assertFalse(rule.isPrivileged(1024));
        assertFalse(rule.isPrivileged(62893));
    }

    @Test
    void neverTreatsPortZeroAsPrivilegedBecauseTheOsPicksThePort() {
        assertFalse(PrivilegedPorts.parseLinux("1024").isPrivileged(0));
    }

    @Test
    void aStartOfZeroMeansNoPrivilegedPorts() {
        PrivilegedPorts rule = PrivilegedPorts.parseLinux("0\n");
        assertFalse(rule.isPrivileged(1));
        assertFalse(rule.isPrivileged(80));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1024 2048", "-1", "70000"})
    void refusesMalformedLinuxText(String text) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> PrivilegedPorts.parseLinux(text));
        assertTrue(e.getMessage().startsWith("ip_unprivileged_port_start must be"), e.getMessage());
    }

    @Test
    void refusesToJudgeNumbersOutsideThePortRange() {
        PrivilegedPorts rule = PrivilegedPorts.parseLinux("1024");
        assertThrows(PortFormatException.class, () -> rule.isPrivileged(70000));
    }

    @Test
    void matchesTheProcFileOnLinux() throws IOException {
        assumeTrue(OperatingSystem.current() == OperatingSystem.LINUX);
        assumeTrue(Files.isReadable(PrivilegedPorts.LINUX_FILE));
        String text = ProcFilesTest.readWithStream(PrivilegedPorts.LINUX_FILE);
        int expected = Integer.parseInt(text.strip());
        PrivilegedPorts rule = PrivilegedPorts.current();
        assertEquals(expected, rule.unprivilegedStart());
        assertTrue(rule.known());
    }

    @Test
    void readsTheEffectiveUidFromProcStatusText() {
        assertTrue(PrivilegedPorts.effectiveUidIsZero("Name:\tjava\nUid:\t1000\t0\t0\t0\n"));
        assertFalse(PrivilegedPorts.effectiveUidIsZero("Name:\tjava\nUid:\t0\t1000\t1000\t1000\n"));
    }

    @Test
    void agreesWithProcSelfStatusAboutRoot() throws IOException {
        assumeTrue(OperatingSystem.current() == OperatingSystem.LINUX);
        String status = ProcFilesTest.readWithStream(Path.of("/proc/self/status"));
        assertEquals(PrivilegedPorts.effectiveUidIsZero(status), PrivilegedPorts.runningAsRoot());
    }

    @Test
    void readsTheBindServiceCapabilityFromTheEffectiveMask() {
        int bit = PrivilegedPorts.CAP_NET_BIND_SERVICE;
        assertTrue(
                PrivilegedPorts.effectiveCapability(
                        "CapPrm:\t0\nCapEff:\t000001ffffffffff\n", bit));
        assertTrue(PrivilegedPorts.effectiveCapability("CapEff:\t0000000000000400\n", bit));
        assertFalse(PrivilegedPorts.effectiveCapability("CapEff:\t0000000000000000\n", bit));
        assertFalse(PrivilegedPorts.effectiveCapability("CapEff:\t000001fffffffbff\n", bit));
        assertThrows(
                IllegalArgumentException.class,
                () -> PrivilegedPorts.effectiveCapability("Name:\tjava\n", bit));
    }

    @Test
    void recognisesOperatingSystemNames() {
        assertEquals(OperatingSystem.LINUX, OperatingSystem.of("Linux"));
        assertEquals(OperatingSystem.MAC, OperatingSystem.of("Mac OS X"));
        assertEquals(OperatingSystem.WINDOWS, OperatingSystem.of("Windows 11"));
        assertEquals(OperatingSystem.OTHER, OperatingSystem.of("FreeBSD"));
    }
}
