package dev.loopbacklab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A content rule: lesson prose must not state a measured figure (a time in ns, µs or ms, a rate in
 * MB/s, GB/s or req/s) as if it held on every machine. Such a figure may appear only in a paragraph
 * that says where it came from: "measured on &lt;machine&gt;, &lt;YYYY-MM-DD&gt;", or a link to the
 * documentation that defines it. Anything else belongs in the run's own output, where the learner
 * sees their machine's number. Code blocks and inline code are not prose and are skipped.
 */
final class MeasuredFigures {
    /** A number, optional range or "~", then a unit of time or rate. */
    private static final Pattern FIGURE =
            Pattern.compile(
                    "(?<![\\w.])~?\\d[\\d,.]*(?:\\s*[–-]\\s*\\d[\\d,.]*)?\\s?"
                            + "(?:ns|µs|μs|us|ms|[MG]B/s|[MG]bit/s|req/s)(?![\\w/])");

    /**
     * The same, with seconds and minutes: a help text has no room to say where a duration was
     * measured, so it states none ("a million take 15 s" was one machine's figure).
     */
    private static final Pattern HELP_FIGURE =
            Pattern.compile(
                    "(?<![\\w.])~?\\d[\\d,.]*(?:\\s*[–-]\\s*\\d[\\d,.]*)?\\s?"
                            + "(?:ns|µs|μs|us|ms|s|sec|seconds?|min|minutes?|[MG]B/s|[MG]bit/s"
                            + "|req/s)(?![\\w/])");

    private static final Pattern MEASURED_ON =
            Pattern.compile("measured on [^.]+?,\\s*\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern SOURCE_LINK = Pattern.compile("\\]\\(https?://");

    private MeasuredFigures() {}

    /** Checks {@code lesson.md} and {@code notes.md} in a lesson folder. */
    static List<ContentChecker.Problem> check(Path folder) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        for (String name : List.of("lesson.md", "notes.md")) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    problems.addAll(
                            check(
                                    folder.getFileName() + "/" + name,
                                    Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    problems.add(new ContentChecker.Problem(name, "unreadable: " + e));
                }
            }
        }
        return problems;
    }

    /**
     * Finds figures stated without their origin in one Markdown text.
     *
     * @param file the name used in problems
     * @param markdown the text
     * @return one problem per unmarked figure, with its line
     */
    static List<ContentChecker.Problem> check(String file, String markdown) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inFence = false;
        int paragraphStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            boolean fence = line.strip().startsWith("```") || line.strip().startsWith("~~~");
            boolean end = i == lines.length || line.isBlank() || fence || startsItem(line);
            if (end && !inFence) {
                checkParagraph(file, lines, paragraphStart, i, problems);
                paragraphStart = startsItem(line) ? i : i + 1;
            }
            if (fence) {
                inFence = !inFence;
                paragraphStart = i + 1;
            }
        }
        return problems;
    }

    /**
     * Finds measured figures in an experiment's description or a parameter's help, which the
     * learner reads before any run: durations and rates there are one machine's, so none may
     * appear.
     *
     * @param where what the text belongs to, e.g. {@code echo-rtt, parameter count}
     * @param text the help text
     * @return one problem per figure
     */
    static List<ContentChecker.Problem> checkHelp(String where, String text) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        Matcher figure = HELP_FIGURE.matcher(text);
        while (figure.find()) {
            problems.add(
                    new ContentChecker.Problem(
                            where,
                            "\""
                                    + figure.group().strip()
                                    + "\" in a help text is one machine's figure: describe what"
                                    + " grows with what, and let the run show the learner's own"));
        }
        return problems;
    }

    private static boolean startsItem(String line) {
        return line.matches("\\s*(?:[-*+]|\\d+\\.)\\s.*");
    }

    private static void checkParagraph(
            String file, String[] lines, int from, int to, List<ContentChecker.Problem> problems) {
        if (from >= to) {
            return;
        }
        String paragraph = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
        if (paragraph.strip().startsWith("---") || paragraph.contains("\nsummary:")) {
            return;
        }
        if (MEASURED_ON.matcher(paragraph).find() || SOURCE_LINK.matcher(paragraph).find()) {
            return;
        }
        for (int i = from; i < to; i++) {
            Matcher figure = FIGURE.matcher(withoutInlineCode(lines[i]));
            while (figure.find()) {
                problems.add(
                        new ContentChecker.Problem(
                                file + ":" + (i + 1),
                                "\""
                                        + figure.group().strip()
                                        + "\" states a measured figure as a fact: say where it"
                                        + " was measured (\"measured on <machine>, <YYYY-MM-DD>\"),"
                                        + " link its source, or let the run show the learner's own"));
            }
        }
    }

    private static String withoutInlineCode(String line) {
        return line.replaceAll("`[^`]*`", "``");
    }
}
