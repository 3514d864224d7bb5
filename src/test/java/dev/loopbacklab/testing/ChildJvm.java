package dev.loopbacklab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A second JVM a test starts itself: a lab to kill mid-burst, a lab whose class loading is watched,
 * the lab's own jar. Its error output is merged into its output, which the test reads.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The {@code java} launcher of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code java OPTIONS -cp <the tests' class path> MAIN ARGS}.
     *
     * @param options JVM options, such as {@code -Xlog:class+load=info:stdout}
     */
    public static Process start(List<String> options, String mainClass, String... args)
            throws IOException {
        return command(options, mainClass, args).start();
    }

    /**
     * The same command, not started yet, for a test that sets more (a working folder, output to a
     * file).
     */
    public static ProcessBuilder command(List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /**
     * Reads {@code process}'s output up to the first line {@code wanted} accepts; the rest stays
     * unread.
     *
     * @return that line, or null if the output ended first (the process exited)
     */
    public static String firstLine(Process process, Predicate<String> wanted) throws IOException {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (wanted.test(line)) {
                return line;
            }
        }
        return null;
    }
}
