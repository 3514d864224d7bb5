package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcFilesTest {

    @Test
    void readsTheWholeSysctlFileWhereFilesReadStringStopsAfterOneByte() throws IOException {
        Path file = EphemeralRangeDetector.LINUX_RANGE;
        assumeTrue(Files.isReadable(file));
        String text = ProcFiles.read(file);
        assertEquals(readWithStream(file), text);
        assertEquals(2, text.strip().split("\\s+").length, text);
    }

    @Test
    void readsProcFilesLongerThanItsFirstBuffer() throws IOException {
        Path maps = Path.of("/proc/self/maps"); // a JVM maps far more than 4 KiB of lines
        assumeTrue(Files.isReadable(maps));
        String text = ProcFiles.read(maps);
        assertTrue(text.length() > 4096, "only " + text.length() + " characters");
        assertTrue(text.endsWith("\n"), "cut short");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, 20_000})
    void readsOrdinaryFilesOfEverySizeWhole(int size, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("f");
        String text = "x".repeat(Math.max(0, size - 1)) + (size > 0 ? "\n" : "");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        assertEquals(text, ProcFiles.read(file));
    }

    /** An independent way to read a proc file: InputStream.readAllBytes asks for 8 KB at once. */
    static String readWithStream(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
