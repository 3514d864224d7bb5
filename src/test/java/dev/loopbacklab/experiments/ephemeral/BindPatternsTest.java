package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.EphemeralRange;
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

    private static String narration(PortSample on, PortSample off) {
        LiveReport report = new LiveReport();
        BindPatterns.explain(report, LINUX_DEFAULT, on, off);
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
        String text = narration(sample(1000, 0, 32769, 46883), sample(1000, 0, 32769, 60999));
        assertEquals(BindPatterns.isLinux(), text.contains("kernel 4.6"), text);
        assertEquals(BindPatterns.isLinux(), text.contains("half the range"), text);
        assertTrue(text.contains("odd ports only, from 32769 to 46883"), text);
    }

    @Test
    void tooSmallASampleNamesNoRule() {
        String text = narration(sample(5, 0, 33001, 33011), sample(5, 0, 50001, 50011));
        assertFalse(text.contains("kernel 4.6"), text);
    }

    @Test
    void connectRuleNeedsNinetyNinePercentOfOneParity() {
        assertFalse(
                ConnectSweep.explain(sample(50, 950, 32768, 60998), LINUX_DEFAULT)
                        .contains("__inet_hash_connect"));
        assertEquals(
                BindPatterns.isLinux(),
                ConnectSweep.explain(sample(5, 995, 32768, 60998), LINUX_DEFAULT)
                        .contains("__inet_hash_connect"));
    }
}
