package dev.loopbacklab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the homes of issue 14 the only homes: 127.0.0.1 comes from {@code IpLiteral.loopbackV4()},
 * every {@code String.format} names its locale (numbers go through {@code Numbers}), and an
 * experiment's metadata is stated once, in its constructor.
 */
class HouseRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/loopbacklab");

    @Test
    void loopbackIsBuiltInOnePlace() throws IOException {
        assertEquals(
                List.of(),
                offending(
                        Pattern.compile("getByAddress\\([^)]*\\{127, 0, 0, 1\\}"),
                        List.of("net/AddressText.java", "net/LoopbackTarget.java")));
    }

    @Test
    void everyFormatNamesItsLocale() throws IOException {
        assertEquals(List.of(), offending(Pattern.compile("String\\.format\\(\""), List.of()));
    }

    @Test
    void groupedNumbersAreWrittenInOnePlace() throws IOException {
        // "%,d" groups digits; only Numbers writes them (and reads them back), one rule everywhere
        assertEquals(List.of(), offending(Pattern.compile("%,d"), List.of("net/Numbers.java")));
    }

    @Test
    void experimentsStateTheirMetadataOnceInTheirConstructor() throws IOException {
        // an experiment extends AbstractExperiment (or AbstractCheck) instead of repeating info()
        assertEquals(
                List.of(),
                offending(
                        Pattern.compile("implements (Experiment|Check)\\b"),
                        List.of("lesson/AbstractExperiment.java", "lesson/AbstractCheck.java")));
    }

    private static List<String> offending(Pattern pattern, List<String> allowed)
            throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (allowed.contains(name)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(name + ":" + (i + 1));
                    }
                }
            }
        }
        return found;
    }
}
