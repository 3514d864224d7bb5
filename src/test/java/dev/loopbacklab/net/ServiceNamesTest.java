package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceNamesTest {

    @ParameterizedTest
    @CsvSource({
        "22, ssh",
        "80, http",
        "443, https",
        "3306, mysql",
        "5432, postgresql",
        "6379, redis",
        "8080, http-alt"
    })
    void bundledTableNamesCommonServices(int port, String name) {
        assertEquals(Optional.of(name), ServiceNames.fromText("").lookup(port));
    }

    @Test
    void bundledTableHoldsAboutFortyServices() {
        ServiceNames bundledOnly = ServiceNames.fromText("");
        int count = 0;
        for (int port = 0; port <= Ports.MAX; port++) {
            if (bundledOnly.lookup(port).isPresent()) {
                count++;
            }
        }
        assertTrue(count >= 35 && count <= 60, "bundled services: " + count);
    }

    @Test
    void systemFileWinsOverTheBundledTable() {
        ServiceNames names = ServiceNames.fromText("webcache 8080/tcp http-alt # cache\n");
        assertEquals(Optional.of("webcache"), names.lookup(8080));
        assertEquals(Optional.of("ssh"), names.lookup(22));
    }

    @Test
    void readsOnlyTcpEntriesAndTheFirstNameForAPort() {
        String text =
                "# comment line\n"
                        + "\n"
                        + "ntp 123/udp\n"
                        + "first 4000/tcp alias # comment\n"
                        + "second 4000/tcp\n"
                        + "broken 99999/tcp\n"
                        + "garbage line\n";
        ServiceNames names = ServiceNames.fromText(text);
        assertEquals(Optional.empty(), names.lookup(123));
        assertEquals(Optional.of("first"), names.lookup(4000));
    }

    @Test
    void fallsBackToTheBundledTableWhenTheFileIsMissing(@TempDir Path dir) {
        ServiceNames names = ServiceNames.load(dir.resolve("no-such-services"));
        assertEquals(Optional.of("postgresql"), names.lookup(5432));
    }

    @Test
    void readsAnInjectedServicesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("services");
        Files.writeString(file, "labdemo 62893/tcp\r\n");
        assertEquals(Optional.of("labdemo"), ServiceNames.load(file).lookup(62893));
    }
}
