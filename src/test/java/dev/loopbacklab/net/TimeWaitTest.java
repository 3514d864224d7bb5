package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWaitTest {

    @Test
    void readsMacOsMslAsTwiceItsLength() {
        TimeWait mac =
                TimeWait.parseMacMsl(PlatformFixture.load("macos/sysctl-tcp-msl.txt").body());
        assertEquals(30, mac.seconds());
        assertTrue(mac.known());
        assertEquals(30, TimeWait.parseMacMsl("15000\n").seconds());
        assertEquals(2, TimeWait.parseMacMsl("net.inet.tcp.msl: 1000").seconds());
    }

    @Test
    void refusesAnUnreadableMsl() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TimeWait.parseMacMsl("sysctl: unknown oid 'net.inet.tcp.msl'"));
    }

    @Test
    void knowsEachSystemsFigureOrSaysItDoesNot() {
        assertEquals(60, TimeWait.of(OperatingSystem.LINUX).seconds());
        assertEquals(30, TimeWait.of(OperatingSystem.MAC).seconds());
        TimeWait windows = TimeWait.of(OperatingSystem.WINDOWS);
        assertFalse(windows.known());
        assertTrue(windows.describe().startsWith("unknown here"), windows.describe());
        assertTrue(windows.describe().contains("TcpTimedWaitDelay"), windows.describe());
    }
}
