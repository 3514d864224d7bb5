package dev.loopbacklab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark drivers in bench/java compile against the product as it is now, so a change to the
 * product cannot silently break {@code bench/run} (it did once: {@code Experiment.info()}).
 */
class BenchSourcesTest {
    @Test
    void benchDriversCompileAgainstTheProduct(@TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "-Xlint:all",
                        "-Werror",
                        "-d",
                        out.toString(),
                        "-cp",
                        System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.list(Path.of("bench/java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status =
                javac.run(
                        null,
                        java.io.OutputStream.nullOutputStream(),
                        errors,
                        args.toArray(String[]::new));
        assertEquals(0, status, errors.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
