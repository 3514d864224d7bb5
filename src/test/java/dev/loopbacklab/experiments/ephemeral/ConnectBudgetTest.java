package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.TimeWait;
import org.junit.jupiter.api.Test;

/** The connect sweep never takes more than a quarter of the OS's range, on any OS. */
class ConnectBudgetTest {
    /** macOS's sysctl and Windows' netsh both report 49152 and 16,384 ports by default. */
    static final EphemeralRange MAC_OR_WINDOWS =
            EphemeralRange.parseWindowsNetsh("Start Port      : 49152\nNumber of Ports : 16384\n");

    static final EphemeralRange LINUX = EphemeralRange.parseLinux("32768\t60999\n", "");

    @Test
    void macAndWindowsGetAQuarterOf16384() {
        assertEquals(4096, ConnectBudget.limit(MAC_OR_WINDOWS));
        assertEquals(4096, ConnectBudget.cap(20_000, MAC_OR_WINDOWS));
        assertEquals(1000, ConnectBudget.cap(1000, MAC_OR_WINDOWS));
        assertEquals(7058, ConnectBudget.cap(20_000, LINUX));
    }

    @Test
    void theWarningNamesTheRangeAndThisSystemsTimeWait() {
        String mac =
                ConnectBudget.warning(20_000, MAC_OR_WINDOWS, TimeWait.of(OperatingSystem.MAC));
        assertTrue(mac.startsWith("Capped at 4,096 connections (you asked for 20,000)"), mac);
        assertTrue(mac.contains("TIME_WAIT for 30 s"), mac);
        assertTrue(mac.contains("only 16,384 source ports (49152–65535"), mac);
        String windows =
                ConnectBudget.warning(20_000, MAC_OR_WINDOWS, TimeWait.of(OperatingSystem.WINDOWS));
        assertTrue(windows.contains("a time this lab cannot read here"), windows);
        assertTrue(
                ConnectBudget.waitWords(TimeWait.of(OperatingSystem.LINUX))
                        .startsWith("for 60 s here"));
    }
}
