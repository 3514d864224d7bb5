package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content rules for a lesson's {@code .jsh} scripts, which a learner opens with {@code lab jshell
 * FILE} or {@code jshell --class-path loopback-lab.jar FILE} to explore:
 *
 * <ul>
 *   <li>no {@code /exit} (nor any other JShell command): the learner stays in JShell with what the
 *       script made; the test suite and {@code lab jshell --exit} end a script themselves;
 *   <li>the toolkit is imported ({@code import dev.loopbacklab.net.*;}), so plain {@code jshell}
 *       leaves the learner with it too;
 *   <li>every line printed says what it shows: {@code System.out.println} starts with a label in
 *       quotes ({@code "source port: " + port}), never a bare value that reads as a lone {@code
 *       true} or {@code hello}, and no {@code forEach(System.out::println)}; the JShell blocks of a
 *       lesson keep this one too.
 * </ul>
 */
final class ScriptRules {
    static final String TOOLKIT_IMPORT = "import dev.loopbacklab.net.*;";

    /** A print whose first argument is not a string literal. */
    private static final Pattern BARE_PRINT =
            Pattern.compile(
                    "System\\.out::println|System\\.out\\.print(?:ln|f)?\\(\\s*(?![\\s\")])");

    private ScriptRules() {}

    /**
     * The prints of {@code code} (whose first line is line {@code firstLine} of {@code file}) that
     * show a bare value; a lesson's JShell blocks keep this rule too.
     */
    static List<ContentChecker.Problem> barePrints(String file, int firstLine, String code) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        // comments are not run, so not judged; across lines: arguments may start on the next one
        String run =
                String.join(
                        "\n", code.lines().map(l -> l.strip().startsWith("//") ? "" : l).toList());
        Matcher bare = BARE_PRINT.matcher(run);
        while (bare.find()) {
            problems.add(
                    new ContentChecker.Problem(
                            file + ":" + (firstLine - 1 + lineOf(run, bare.start())),
                            bare.group().contains("::")
                                    ? "prints values without a label: write forEach(x ->"
                                            + " System.out.println(\"label: \" + x))"
                                    : "prints a bare value: start with a label in quotes, e.g."
                                            + " System.out.println(\"server port: \" + port)"));
        }
        return problems;
    }

    private static int lineOf(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /**
     * Every problem of one script.
     *
     * @param file the name used in problems, e.g. {@code 01-loopback-echo/echo.jsh}
     * @param text the script
     * @return one problem per broken rule, with its line
     */
    static List<ContentChecker.Problem> check(String file, String text) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        boolean imports = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//")) {
                lines[i] = ""; // commented-out code is not run, so not judged
                continue;
            }
            if (line.equals(TOOLKIT_IMPORT)) {
                imports = true;
            }
            if (line.startsWith("/") && !line.startsWith("/*")) {
                problems.add(
                        new ContentChecker.Problem(
                                file + ":" + (i + 1),
                                line
                                        + " ends JShell: leave it out, so whoever opens the script"
                                        + " stays in JShell with what it made"));
            }
        }
        problems.addAll(barePrints(file, 1, String.join("\n", lines)));
        if (!imports) {
            problems.add(
                    new ContentChecker.Problem(
                            file,
                            "does not import the toolkit: add "
                                    + TOOLKIT_IMPORT
                                    + " so plain jshell leaves the learner with it"));
        }
        return problems;
    }
}
