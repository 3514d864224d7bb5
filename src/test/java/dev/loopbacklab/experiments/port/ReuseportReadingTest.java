package dev.loopbacklab.experiments.port;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * port-reuseport's words for what each system really does: Linux 3.9+ balances by a hash
 * (socket(7)); macOS has BSD's SO_REUSEPORT, documented for datagrams, with no promise to balance
 * (setsockopt(2)); Windows has none, and the JDK says so (reuseport_supported), so the second
 * listener gets Windows' own refusal (platform/windows/jdk-exceptions.txt).
 */
class ReuseportReadingTest {
    @Test
    void windowsIsToldItHasNoSuchOptionAndHowItSharesPortsInstead() {
        assertEquals(
                "ServerSocketChannel.supportedOptions() on Windows: Windows has no SO_REUSEPORT"
                        + " (the JDK's reuseport_supported answers false there)",
                ReuseportReading.offeredNote(WINDOWS, false));
        String closing =
                ReuseportReading.unshared(
                        WINDOWS, false, RecordedBinds.refused("windows", "IN_USE"));
        assertTrue(closing.startsWith("Without SO_REUSEPORT, one port has one listener"));
        assertTrue(closing.contains("SO_EXCLUSIVEADDRUSE"), closing);
    }

    @Test
    void aLinuxWithoutTheOptionIsNotToldAboutWindows() {
        String note = ReuseportReading.offeredNote(LINUX, false);
        assertFalse(note.contains("Windows"), note);
        assertTrue(note.contains("kernel 3.9"), note);
        assertFalse(
                ReuseportReading.unshared(LINUX, false, null).contains("Windows"),
                "nothing about another system");
    }

    @Test
    void linuxSpreadIsExplainedByItsHash() {
        String words = ReuseportReading.spread(LINUX, 31, 29);
        assertTrue(words.contains("Linux picks the listener from a hash"), words);
    }

    @Test
    void macosIsNeverToldLinuxsHashExplainsItsOwnSpread() {
        String both = ReuseportReading.spread(MAC, 20, 20);
        assertTrue(both.startsWith("This OS handed connections to both listeners"), both);
        assertFalse(both.contains("Linux picks"), both);

        String one = ReuseportReading.spread(MAC, 40, 0);
        assertTrue(one.contains("macOS lets both bind but does not spread"), one);
        assertTrue(one.contains("documented for multicast and broadcast datagrams"), one);
    }

    @Test
    void linuxWithEverythingOnOneListenerIsNotCalledBsd() {
        String one = ReuseportReading.spread(LINUX, 0, 3);
        assertFalse(one.contains("BSD"), one);
        assertTrue(one.contains("run it again"), one);
    }

    @Test
    void anOfferedOptionThatStillRefusesSaysWhatTheOsSaid() {
        String words =
                ReuseportReading.unshared(MAC, true, RecordedBinds.refused("macos", "IN_USE"));
        assertTrue(words.contains("(BindException: Address already in use)"), words);
    }
}
