package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExcludedPortsTest {

    @Test
    void readsEnglishNetshWithAnAdministeredRange() {
        PlatformFixture fixture =
                PlatformFixture.load("windows/netsh-excludedportrange-tcp-en.txt");
        for (String text : List.of(fixture.body(), fixture.crlf())) {
            ExcludedPorts excluded = ExcludedPorts.parseNetsh(text);
            assertEquals(11, excluded.spans().size());
            assertEquals(new PortSpan(5985, 5985), excluded.spans().get(0));
            assertEquals(List.of(new PortSpan(50000, 50059)), excluded.administered());
            assertEquals(Optional.of(new PortSpan(49673, 49772)), excluded.spanOf(49700));
            assertEquals(Optional.empty(), excluded.spanOf(49672));
        }
    }

    @Test
    void readsNetshInSpanishByItsNumbers() {
        ExcludedPorts excluded =
                ExcludedPorts.parseNetsh(
                        PlatformFixture.load("windows/netsh-excludedportrange-tcp-es.txt").body());
        assertEquals(24, excluded.spans().size());
        assertEquals(List.of(), excluded.administered());
        // The commenter's app needed 25340 and could not bind it: it lies in 25313-25412.
        assertEquals(Optional.of(new PortSpan(25313, 25412)), excluded.spanOf(25340));
        assertTrue(excluded.spanOf(25300).isEmpty());
    }

    @Test
    void readsAnErrorAsNoRanges() {
        assertEquals(
                List.of(),
                ExcludedPorts.parseNetsh("The following command was not found: x.").spans());
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> ExcludedPorts.parseNetsh(" 900 800"));
    }

    @Test
    void offThisWindowsNothingIsExcluded() {
        if (OperatingSystem.current() != OperatingSystem.WINDOWS) {
            ExcludedPorts here = ExcludedPorts.detect();
            assertEquals(List.of(), here.spans());
            assertTrue(here.known());
        }
    }
}
