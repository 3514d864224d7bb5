package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

  @Test
  void readsTheWholeSysctlFileWhereFilesReadStringStopsAfterOneByte() throws IOException {
    Path file = EphemeralRangeDetector.LINUX_RANGE;
    assumeTrue(Files.isReadable(file));
    String text = ProcFiles.read(file);
    assertEquals(readWithStream(file), text);
    assertEquals(2, text.strip().split("\\s+").length, text);
  }

  /** An independent way to read a proc file: InputStream.readAllBytes asks for 8 KB at once. */
  static String readWithStream(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
