package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopbacklab.net.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ephemeral-spot offers tools that exist on the learner's system: Windows ships no nc (its
 * PowerShell has Test-NetConnection, Microsoft Learn: NetTCPIP module), Linux and macOS have nc.
 */
class SpotToolsTest {
    private static List<String> names(Platform platform) {
        return SpotCheck.tools(platform, 50000).stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void windowsIsNotToldToUseNc() {
        List<Map.Entry<String, String>> tools =
                SpotCheck.tools(Platform.of("Windows 11", "10.0"), 50000);

        assertEquals(
                List.of("curl", "PowerShell", "browser", "JShell"),
                names(Platform.of("Windows 11", "10.0")));
        assertEquals("Test-NetConnection 127.0.0.1 -Port 50000", tools.get(1).getValue());
        assertFalse(tools.stream().anyMatch(t -> t.getValue().startsWith("nc ")));
    }

    @Test
    void linuxAndMacosKeepNc() {
        for (Platform platform :
                List.of(Platform.of("Linux", "6.1"), Platform.of("Mac OS X", "14.5"))) {
            assertEquals(List.of("curl", "nc", "browser", "JShell"), names(platform));
        }
    }
}
