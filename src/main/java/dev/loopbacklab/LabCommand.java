package dev.loopbacklab;

import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command that starts this lab, as the learner would type it in the terminal the lab was
 * started from: {@code java -jar} and the jar's path. A learner who downloaded the jar from a
 * teacher's room runs it from wherever they saved it, so pages and CLI messages name the jar this
 * lab actually runs from rather than the repository's {@code target/} folder.
 *
 * <p>The jar is written relative to the working directory when it lies inside it ({@code
 * loopback-lab.jar} in Downloads, {@code target/loopback-lab.jar} from a clone), else as its
 * absolute path; quoted for the shell when it holds a space or another character a shell reads.
 * Running from classes (tests, an IDE, Maven), there is no jar: the command names {@link
 * #BUILT_JAR}, the one {@code ./mvnw package} builds.
 */
public final class LabCommand {
    /** Where {@code ./mvnw package} puts the jar (README), named when the lab runs from classes. */
    public static final String BUILT_JAR = "target/loopback-lab.jar";

    /**
     * The name a teacher's room hands the jar out under (its download's file name): what the
     * learners in a room have, wherever the teacher's own copy lives.
     */
    public static final String HANDED_OUT_JAR = "loopback-lab.jar";

    // characters every shell passes through as they are; anything else gets the path quoted
    private static final Pattern POSIX_PLAIN = Pattern.compile("[\\p{L}\\p{N}._/+@%:,=-]+");
    private static final Pattern WINDOWS_PLAIN = Pattern.compile("[\\p{L}\\p{N}._\\\\/:-]+");

    private static final String CURRENT =
            "java -jar "
                    + jarAsTyped(
                            runsFromText(),
                            System.getProperty("user.dir", ""),
                            Platform.current().os() == OperatingSystem.WINDOWS);

    private LabCommand() {}

    /**
     * The command that starts this lab, e.g. {@code java -jar loopback-lab.jar}.
     *
     * @return {@code java -jar} and the jar's path as typed from the lab's working directory
     */
    public static String get() {
        return CURRENT;
    }

    /**
     * The command that starts this lab with {@code arguments}, e.g. {@code java -jar
     * loopback-lab.jar jshell}.
     *
     * @param arguments what follows the jar, as typed
     * @return the whole command
     */
    public static String with(String arguments) {
        return CURRENT + " " + arguments;
    }

    /**
     * The command a learner in a room types, with {@code arguments}: the jar the room hands out,
     * run from the folder it was saved in. Printed material for a room (the handout, the
     * facilitator's sheet) names this, not the teacher's own {@link #get()}, which may well be
     * {@code target/loopback-lab.jar} in a clone.
     *
     * @param arguments what follows the jar, as typed; empty for none
     * @return the whole command
     */
    public static String handedOut(String arguments) {
        return "java -jar " + HANDED_OUT_JAR + (arguments.isEmpty() ? "" : " " + arguments);
    }

    /**
     * How to type {@code jar} in a terminal whose working directory is {@code workingDir}. A pure
     * function of its inputs, so the rule is tested for Linux, macOS and Windows paths on any
     * machine.
     *
     * @param jar the absolute path the lab runs from (a jar or a folder of classes); null if
     *     unknown
     * @param workingDir the absolute working directory
     * @param windows whether the paths are Windows paths (either slash separates; case is ignored;
     *     quoting is cmd's and PowerShell's double quotes rather than POSIX single quotes)
     * @return the jar's path as typed, or {@link #BUILT_JAR} when {@code jar} is not a jar
     */
    static String jarAsTyped(String jar, String workingDir, boolean windows) {
        if (jar == null || !jar.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return BUILT_JAR;
        }
        String typed = relativeTo(jar, workingDir, windows);
        if (windows) {
            return WINDOWS_PLAIN.matcher(typed).matches() ? typed : '"' + typed + '"';
        }
        return POSIX_PLAIN.matcher(typed).matches()
                ? typed
                : "'" + typed.replace("'", "'\\''") + "'";
    }

    /** {@code path} relative to {@code dir} when it lies inside it, else {@code path} itself. */
    private static String relativeTo(String path, String dir, boolean windows) {
        String base = dir;
        while (!base.isEmpty() && separator(base.charAt(base.length() - 1), windows)) {
            base = base.substring(0, base.length() - 1); // "/" and "C:\" keep what precedes it
        }
        if (base.isEmpty() && !separator(path.charAt(0), windows)
                || path.length() <= base.length()) {
            return path;
        }
        boolean inside =
                windows ? comparable(path).startsWith(comparable(base)) : path.startsWith(base);
        if (!inside || !separator(path.charAt(base.length()), windows)) {
            return path;
        }
        return path.substring(base.length() + 1);
    }

    private static boolean separator(char c, boolean windows) {
        return c == '/' || windows && c == '\\';
    }

    private static String comparable(String windowsPath) {
        return windowsPath.replace('/', '\\').toLowerCase(Locale.ROOT);
    }

    /**
     * Where the lab's classes were loaded from: its jar, or a folder of classes (tests, an IDE).
     * Not {@code java.class.path}, which in JShell's agent names JShell's own jars.
     *
     * @return the absolute path, or null if the JVM does not say
     */
    public static Path runsFrom() {
        try {
            return Path.of(
                            LabCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String runsFromText() {
        Path path = runsFrom();
        return path == null ? null : path.toString();
    }
}
