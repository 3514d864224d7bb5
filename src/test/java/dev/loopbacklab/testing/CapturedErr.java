package dev.loopbacklab.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is written to {@code System.err} from now until {@link #close}: the lab's log, so a test can
 * read what the terminal running the lab would show. slf4j-simple writes to whatever {@code
 * System.err} is when it logs, so swapping the stream is enough; closing puts the real one back.
 *
 * <pre>{@code
 * try (CapturedErr err = CapturedErr.start()) {
 *     ... make the lab log ...
 *     assertTrue(err.text().contains("incident " + id));
 * }
 * }</pre>
 */
public final class CapturedErr implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream original = System.err;
    private boolean closed;

    private CapturedErr() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; close it (try-with-resources, or an {@code @AfterEach}) to stop. */
    public static CapturedErr start() {
        return new CapturedErr();
    }

    /** All written so far; safe to call while the lab's threads still write. */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8); // synchronized with the writes
    }

    /** Puts the real {@code System.err} back; later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            System.setErr(original);
        }
    }
}
