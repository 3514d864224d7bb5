package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.Needs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every script under {@code site/} parses ({@code node --check}), so that a merge that leaves
 * conflict markers or a stray brace in one fails here, not only in the browser tests that happen to
 * load that script. Without node on the PATH the test is skipped, loudly; under {@code
 * LAB_REQUIRE_BROWSER=1} (CI, whose {@code .ci/run} installs nodejs) that is a failure.
 */
class SiteScriptsTest {
    private static final Path SITE = Path.of("site");

    @Test
    void everySiteScriptParses() throws Exception {
        Path node = node();
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SITE)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts under " + SITE.toAbsolutePath());
        for (Path script : scripts) {
            Checked checked = check(node, script);
            assertEquals(0, checked.exit(), script + " does not parse:\n" + checked.output());
        }
    }

    @Test
    void aScriptWithConflictMarkersFailsTheCheck(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("merged.js");
        Files.writeString(
                script,
                "const a = 1;\n<<<<<<< HEAD\nconst b = 2;\n=======\nconst b = 3;\n>>>>>>> main\n");
        Checked checked = check(node(), script);
        assertNotEquals(0, checked.exit(), checked.output());
        assertTrue(checked.output().contains("SyntaxError"), checked.output());
    }

    /** node (or Debian's older name, nodejs) from the PATH; skips or fails where there is none. */
    private static Path node() {
        Optional<Path> found =
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty())
                        .flatMap(dir -> Stream.of(Path.of(dir, "node"), Path.of(dir, "nodejs")))
                        .filter(Files::isExecutable)
                        .findFirst();
        Needs.that(
                found.isPresent(),
                "no node on the PATH to check site/*.js (apt-get install -y nodejs)",
                "LAB_REQUIRE_BROWSER");
        return found.orElseThrow();
    }

    private record Checked(int exit, String output) {}

    private static Checked check(Path node, Path script) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(node.toString(), "--check", script.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a hang backstop only: node reads one file and exits
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "node --check did not end: " + script);
        return new Checked(process.exitValue(), output);
    }
}
