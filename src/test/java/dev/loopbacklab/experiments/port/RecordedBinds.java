package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.PlatformFixture;
import java.net.BindException;

/**
 * Bind results as each OS really reports them: the exception text comes from the recorded messages
 * in {@code platform/<os>/jdk-exceptions.txt}, never from a string written for the test.
 */
final class RecordedBinds {
    private RecordedBinds() {}

    /** A bind that worked. */
    static Bind.Result bound() {
        return new Bind.Result(true, Bind.BOUND, null);
    }

    /**
     * The first recorded {@code java.net.BindException} of {@code kind} on {@code os}, as the
     * experiment's table would show it.
     *
     * @param os "linux", "macos" or "windows"
     * @param kind e.g. "IN_USE"
     */
    static Bind.Result refused(String os, String kind) {
        String prefix = "java.net.BindException: ";
        for (String line : PlatformFixture.load(os + "/jdk-exceptions.txt").body().split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length == 2 && cells[0].equals(kind) && cells[1].startsWith(prefix)) {
                String message = cells[1].substring(prefix.length());
                return new Bind.Result(
                        false, "BindException: " + message, new BindException(message));
            }
        }
        throw new IllegalArgumentException("no recorded " + kind + " bind failure for " + os);
    }
}
