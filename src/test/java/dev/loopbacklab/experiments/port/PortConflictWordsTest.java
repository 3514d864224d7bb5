package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import org.junit.jupiter.api.Test;

/** port-conflict's words about SO_REUSEADDR hold on Windows, where the JDK only emulates it. */
class PortConflictWordsTest {
    @Test
    void windowsIsToldTheSettingIsEmulated() {
        Platform windows = Platform.of("Windows 11", "10.0");
        String note = PortConflictExperiment.reuseNote(windows, false);
        assertTrue(note.contains("getReuseAddress() says off"), note);
        assertTrue(note.contains("SO_EXCLUSIVEADDRUSE"), note);
        String closing = PortConflictExperiment.closing(windows);
        assertTrue(closing.contains("emulated"), closing);
        assertFalse(closing.contains("it is about leftovers in TIME_WAIT"), closing);
    }

    @Test
    void linuxAndMacKeepTheTimeWaitExplanation() {
        for (Platform platform :
                new Platform[] {Platform.of("Linux", "6.1"), Platform.of("Mac OS X", "14.5")}) {
            String note = PortConflictExperiment.reuseNote(platform, true);
            assertTrue(note.endsWith("(the JDK's default on " + platform.name() + ")"), note);
            assertTrue(PortConflictExperiment.closing(platform).contains("TIME_WAIT"));
        }
    }
}
