package dev.loopbacklab.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small Linux {@code /proc} files such as {@code /proc/sys/net/ipv4/ip_local_port_range}.
 *
 * <p>Why not {@link Files#readString(Path)}: these files report a size of 0, so the JDK first reads
 * a single byte, and the kernel's sysctl handlers answer a read that does not start at offset 0
 * with end-of-file. {@code Files.readString} then returns {@code "3"} instead of {@code
 * "32768\t60999\n"} (seen on JDK 17 and 25). Reading with a large buffer gets the whole text in the
 * first read.
 */
final class ProcFiles {
    /** Far more than any sysctl value; the reserved-ports list is the longest, a few KB at most. */
    private static final int MAX_BYTES = 64 * 1024;

    private ProcFiles() {}

    /** What nearly every such file fits in: one small buffer for the common case. */
    private static final int FIRST_TRY = 4 * 1024;

    /**
     * Returns the whole text of a small {@code /proc} file. The usual file fits one 4 KiB read; a
     * file that fills it is read again from the start with room for {@value #MAX_BYTES} bytes, as a
     * sysctl answers only a read at offset 0. (Reading every file with the large buffer made each
     * live lesson run allocate ~10 KB per value, a tenth of what 100 concurrent runs allocated.)
     */
    static String read(Path file) throws IOException {
        byte[] small = new byte[FIRST_TRY];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(small, 0, small.length);
        }
        if (n < small.length) {
            return new String(small, 0, n, StandardCharsets.US_ASCII);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII);
        }
    }
}
