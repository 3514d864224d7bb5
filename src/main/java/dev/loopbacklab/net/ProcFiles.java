package dev.loopbacklab.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small Linux {@code /proc} files such as {@code /proc/sys/net/ipv4/ip_local_port_range}.
 *
 * <p>Why not {@link Files#readString(Path)}: these files report a size of 0, so the JDK first
 * reads a single byte, and the kernel's sysctl handlers answer a read that does not start at
 * offset 0 with end-of-file. {@code Files.readString} then returns {@code "3"} instead of {@code
 * "32768\t60999\n"} (seen on JDK 17 and 25). Reading with a large buffer gets the whole text in the
 * first read.
 */
final class ProcFiles {
  /** Far more than any sysctl value; the reserved-ports list is the longest, a few KB at most. */
  private static final int MAX_BYTES = 64 * 1024;

  private ProcFiles() {}

  /** Returns the whole text of a small {@code /proc} file. */
  static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII);
    }
  }
}
