package dev.loopbacklab.experiments.port;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.PlatformFixture;
import org.junit.jupiter.api.Test;

/**
 * port-reuse's words on Linux, macOS and Windows, from the binds each really reports (messages
 * recorded in platform/&lt;os&gt;/jdk-exceptions.txt). On Windows the JDK binds exclusively and
 * only records SO_REUSEADDR (NioSocketImpl.setOption), so "off" and "on" are one request there.
 */
class ReuseReadingTest {
    @Test
    void linuxExplainsTheLeftoverAndTheOptionAndItsFixedMinute() {
        ReuseReading.Words words =
                ReuseReading.of(
                        LINUX, RecordedBinds.refused("linux", "IN_USE"), RecordedBinds.bound());

        assertEquals(
                "the leftover in TIME_WAIT still counts as a user of the port", words.offWhy());
        assertTrue(words.onWhy().startsWith("SO_REUSEADDR lets a listener take a port"));
        assertTrue(words.closing().contains("On Linux it lasts 60 s"), words.closing());
        assertTrue(words.closing().contains("turns it on by default on Linux"), words.closing());
    }

    @Test
    void macosGetsItsOwnTimeWaitLengthNotLinuxs() {
        ReuseReading.Words words =
                ReuseReading.of(
                        MAC, RecordedBinds.refused("macos", "IN_USE"), RecordedBinds.bound());

        assertTrue(words.closing().contains("On macOS it lasts 30 s"), words.closing());
        assertFalse(words.closing().contains("60"), words.closing());
        assertTrue(words.closing().contains("turns it on by default on macOS"), words.closing());
        String unread = ReuseReading.timeWaitElsewhere(MAC, 50123, "netstat exited with status 1");
        assertTrue(unread.startsWith("the lab could not read the socket list (netstat exited"));
        assertTrue(unread.endsWith("run netstat -an -p tcp | grep 50123"), unread);
    }

    @Test
    void windowsIsNeverToldOffAndOnDifferWhenTheyAreOneRequest() {
        // Windows refuses both with its own wording ("Address already in use: bind").
        ReuseReading.Words words =
                ReuseReading.of(
                        WINDOWS,
                        RecordedBinds.refused("windows", "IN_USE"),
                        RecordedBinds.refused("windows", "IN_USE"));

        assertTrue(words.offWhy().contains("exclusive listener"), words.offWhy());
        assertFalse(words.offWhy().contains("still counts"), "not the Linux explanation");
        assertTrue(words.onWhy().startsWith("the same request as the row above"), words.onWhy());
        assertTrue(words.onWhy().endsWith("so Windows gave the same answer"), words.onWhy());
        assertFalse(words.onWhy().contains("must expire first"), words.onWhy());
        assertTrue(words.closing().contains("SO_EXCLUSIVEADDRUSE"), words.closing());
        assertFalse(words.closing().contains("turns it on by default"), words.closing());
        assertTrue(words.closing().contains("TcpTimedWaitDelay"), "no length stated as a fact");
    }

    @Test
    void windowsBindingBothTimesIsNotCalledAnEffectOfTheOption() {
        ReuseReading.Words words =
                ReuseReading.of(WINDOWS, RecordedBinds.bound(), RecordedBinds.bound());

        assertFalse(words.offWhy().contains("even without it"), words.offWhy());
        assertFalse(words.onWhy().contains("SO_REUSEADDR lets"), words.onWhy());
    }

    @Test
    void windowsIsPointedAtNetstatWithoutGrep() {
        String note = ReuseReading.timeWaitElsewhere(WINDOWS, 50123, "netstat did not finish");
        assertTrue(note.contains("netstat -ano -p tcp | findstr :50123"), note);
        assertFalse(note.contains("grep"), "Windows has no grep");
        // The German capture has no TIME_WAIT word at all: the learner must not look for it.
        String german = PlatformFixture.load("windows/netstat-an-de.txt").body();
        assertFalse(german.contains("TIME_WAIT"));
        assertTrue(note.contains("WARTEND"), note);
        assertTrue(note.contains("PID 0"), note);
    }

    @Test
    void aRefusalForAnotherReasonIsNotBlamedOnTheLeftover() {
        ReuseReading.Words words =
                ReuseReading.of(
                        LINUX,
                        RecordedBinds.refused("linux", "PERMISSION_DENIED"),
                        RecordedBinds.refused("linux", "PERMISSION_DENIED"));
        assertFalse(words.offWhy().contains("TIME_WAIT"), words.offWhy());
    }
}
