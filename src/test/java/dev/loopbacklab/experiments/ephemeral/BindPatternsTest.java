package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.LiveReport;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The explanations name a Linux rule only when the numbers follow it, whatever the OS. */
class BindPatternsTest {
    static final EphemeralRange LINUX_DEFAULT =
            new EphemeralRange(32768, 60999, "test", false, List.of());

    static PortSample sample(int odd, int even, int lowest, int highest) {
        int count = odd + even;
        return new PortSample(count, count, lowest, highest, odd, even, count, 0, 1_000_000);
    }

    static final Platform LINUX = Platform.of("Linux", "6.1");
    static final List<Platform> OTHERS =
            List.of(Platform.of("Mac OS X", "14.5"), Platform.of("Windows 11", "10.0"));

    private static String narration(PortSample on, PortSample off) {
        return narration(LINUX, on, off);
    }

    private static String narration(Platform platform, PortSample on, PortSample off) {
        LiveReport report = new LiveReport();
        BindPatterns.explain(report, platform, LINUX_DEFAULT, on, off);
        return report.all(Event.Narration.class).stream()
                .map(Event.Narration::text)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void mixedParityAndFullRangeNameNoLinuxRule() {
        String text = narration(sample(500, 500, 32768, 60999), sample(500, 500, 32768, 60999));
        assertFalse(text.contains("kernel 4.6"), text);
        assertFalse(text.contains("half the range"), text);
        assertTrue(text.contains("500 odd and 500 even ports"), text);
    }

    @Test
    void linuxPatternIsNamedOnlyOnLinux() {
        PortSample on = sample(1000, 0, 32769, 46883);
        PortSample off = sample(1000, 0, 32769, 60999);
        String text = narration(on, off);
        assertTrue(text.contains("kernel 4.6"), text);
        assertTrue(text.contains("half the range"), text);
        assertTrue(text.contains("odd ports only, from 32769 to 46883"), text);
        for (Platform other : OTHERS) {
            // Even numbers that look like Linux's are not explained by Linux's kernel there.
            String words = narration(other, on, off);
            assertFalse(words.contains("kernel 4.6"), other + ": " + words);
            assertFalse(words.contains("Linux's"), other + ": " + words);
            assertTrue(words.contains("any difference is your OS's own choice"), words);
        }
    }

    @Test
    void tooSmallASampleNamesNoRule() {
        String text = narration(sample(5, 0, 33001, 33011), sample(5, 0, 50001, 50011));
        assertFalse(text.contains("kernel 4.6"), text);
    }

    @Test
    void connectRuleNeedsNinetyNinePercentOfOneParity() {
        assertFalse(
                ConnectSweep.explain(LINUX, sample(50, 950, 32768, 60998), LINUX_DEFAULT)
                        .contains("__inet_hash_connect"));
        assertTrue(
                ConnectSweep.explain(LINUX, sample(5, 995, 32768, 60998), LINUX_DEFAULT)
                        .contains("__inet_hash_connect"));
    }

    @Test
    void connectRuleIsNeverNamedOnMacosOrWindows() {
        for (Platform other : OTHERS) {
            String words =
                    ConnectSweep.explain(other, sample(0, 1000, 49152, 65534), LINUX_DEFAULT);
            assertFalse(words.contains("On Linux"), other + ": " + words);
            assertTrue(words.startsWith("What this machine shows:"), words);
        }
    }
}
