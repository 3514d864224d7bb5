package dev.loopbacklab.net;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a small system command such as {@code sysctl} and returns what it printed. */
final class Commands {
    private Commands() {}

    /**
     * Runs {@code command}, waiting at most {@code timeoutMillis}; a command that hangs is killed.
     *
     * @throws IOException if it cannot start, times out, or exits with a status other than 0
     */
    static String run(long timeoutMillis, String... command) throws IOException {
        return run(timeoutMillis, 0, command);
    }

    /**
     * Like {@link #run(long, String...)}, but exit statuses up to {@code highestGoodStatus} count
     * as success: {@code lsof} exits with 1 when it found nothing to list.
     */
    static String run(long timeoutMillis, int highestGoodStatus, String... command)
            throws IOException {
        Process process =
                new ProcessBuilder(List.of(command))
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                        .start();
        // Read in the background, so a full pipe cannot stall the command before the timeout.
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        command[0] + " did not finish within " + timeoutMillis + " ms");
            }
            String text = output.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (process.exitValue() < 0 || process.exitValue() > highestGoodStatus) {
                throw new IOException(command[0] + " exited with status " + process.exitValue());
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command[0] + " was interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("could not read the output of " + command[0], e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), Charset.defaultCharset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullFile() {
        return new File(OperatingSystem.current() == OperatingSystem.WINDOWS ? "NUL" : "/dev/null");
    }
}
