package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PlatformFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ephemeral-range's answer about 62893 on each system's recorded range: no on a default Linux
 * (32768–60999), yes on macOS (sysctl net.inet.ip.portrange, platform/macos/) and Windows (netsh
 * dynamicport, platform/windows/, English and German), and never "most likely a client's port",
 * which nothing supports.
 */
class RangeWordsTest {
    private static final EphemeralRange LINUX = EphemeralRange.parseLinux("32768\t60999\n", "");

    private static EphemeralRange mac() {
        return EphemeralRange.parseMacSysctlOutput(
                PlatformFixture.load("macos/sysctl-portrange-full.txt").body());
    }

    private static EphemeralRange windows(String path) {
        return EphemeralRange.parseWindowsNetsh(PlatformFixture.load(path).crlf());
    }

    @Test
    void aDefaultLinuxNeverPicks62893() {
        assertEquals("no: above 60999", RangeExperiment.answer(LINUX, 62893));
        String words = RangeExperiment.explain(LINUX, 62893);
        assertTrue(words.startsWith("62893 lies outside this machine's range 32768–60999,"), words);
        assertTrue(words.contains("although it is inside IANA's 49152–65535"), words);
    }

    @Test
    void macosAndWindowsMayPick62893AndAreNotToldWhoHoldsIt() {
        for (EphemeralRange range :
                List.of(
                        mac(),
                        windows("windows/netsh-dynamicport-tcp-en.txt"),
                        windows("windows/netsh-dynamicport-tcp-de.txt"))) {
            assertEquals("yes", RangeExperiment.answer(range, 62893), range.toString());
            String words = RangeExperiment.explain(range, 62893);
            assertTrue(words.startsWith("The OS may pick 62893 on its own"), words);
            assertFalse(words.contains("most likely"), words);
        }
    }

    @Test
    void aWindowsRangeMovedBySoftwareIsTheOneAsked() {
        // A build image whose installer moved the range to 1024–65534.
        EphemeralRange moved = windows("windows/netsh-dynamicport-tcp-en-vs.txt");
        assertEquals("yes", RangeExperiment.answer(moved, 8080));
        assertEquals("no: below 1024", RangeExperiment.answer(moved, 80));
    }
}
