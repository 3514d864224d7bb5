package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.TimeWait;
import org.junit.jupiter.api.Test;

/**
 * Where a learner counts TIME_WAIT by hand when the lab cannot read /proc: Windows translates the
 * state word (the recorded German netstat says WARTEND), so "look for TIME_WAIT" would find nothing
 * there; Windows has no grep either.
 */
class TimeWaitWordsTest {
    @Test
    void windowsIsToldTheStateMayBeTranslated() {
        String german = PlatformFixture.load("windows/netstat-an-de.txt").body();
        assertTrue(german.contains(" WARTEND"), "the evidence: a German netstat's TIME_WAIT");
        assertFalse(german.contains("TIME_WAIT"));

        String words = TimeWaitCount.elsewhere(WINDOWS);
        assertTrue(words.contains("WARTEND"), words);
        assertFalse(words.contains("grep"), words);
    }

    @Test
    void macosIsToldItsOwnLengthAndThatNothingWasCounted() {
        String words = TimeWaitCount.uncounted(MAC, TimeWait.of(OperatingSystem.MAC));
        assertTrue(words.contains("on macOS it did not count them"), words);
        assertTrue(words.contains("30 s"), words);
        assertFalse(words.contains("60 s"), words);
        assertFalse(words.contains("ss -tan"), words);
    }

    @Test
    void windowsIsGivenNoLengthAsAFact() {
        String words = TimeWaitCount.uncounted(WINDOWS, TimeWait.of(OperatingSystem.WINDOWS));
        assertTrue(words.contains("on Windows it did not count them"), words);
        assertTrue(words.contains("TcpTimedWaitDelay"), words);
        assertFalse(words.matches("(?s).*\\d+ s here.*"), words);
    }

    @Test
    void linuxWithoutProcIsNotToldAnotherSystemsLength() {
        String words = TimeWaitCount.uncounted(LINUX, TimeWait.of(OperatingSystem.LINUX));
        assertTrue(words.contains("60 s"), words);
        assertFalse(words.contains("30 s"), words);
    }

    @Test
    void macosGetsACommandThatWorksThere() {
        assertTrue(TimeWaitCount.elsewhere(MAC).contains("netstat -an -p tcp | grep TIME_WAIT"));
    }
}
