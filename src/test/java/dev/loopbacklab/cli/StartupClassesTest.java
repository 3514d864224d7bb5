package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a lab loads before its first page goes out stays what that page needs: no password
 * estimator, no database engine, no JShell. Each of these once slipped into every start-up (zxcvbn
 * cost ~1 s of CPU and ~30 MB of heap; bench/README.md); the class list, unlike a timing, does not
 * depend on how loaded the machine is.
 */
class StartupClassesTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    private static final List<String> NOT_AT_START =
            List.of("com.nulabinc.zxcvbn.", "org.h2.", "jdk.jshell.");

    @Test
    void theFirstPageLoadsNoEstimatorDatabaseOrJShell(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("out.txt");
        Process lab =
                ChildJvm.command(
                                List.of("-Xlog:class+load:file=" + log),
                                Main.class.getName(),
                                "serve",
                                "--port",
                                "0")
                        .directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .start();
        try {
            Matcher address =
                    Wait.until(
                            "the lab's address",
                            () -> URL.matcher(read(out)),
                            m -> m.find() || !lab.isAlive());
            assertTrue(lab.isAlive(), read(out));
            int port = Integer.parseInt(address.group(1));
            assertEquals(200, RawHttp.get(port, "/", "127.0.0.1:" + port).status());
            List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertTrue(loaded.size() > 1000, "the log lists the classes loaded");
            for (String line : loaded) {
                for (String prefix : NOT_AT_START) {
                    assertTrue(!line.contains("] " + prefix), "loaded at start: " + line);
                }
            }
        } finally {
            lab.destroyForcibly().waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
