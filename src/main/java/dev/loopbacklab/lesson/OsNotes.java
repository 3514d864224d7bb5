package dev.loopbacklab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A content rule: a lesson paragraph that says what happens "on macOS" or "on Windows" cites where
 * that comes from (a link), because the lab runs on Linux in its own tests and cannot show the
 * other systems live. Code blocks are skipped; the front matter is not prose.
 */
final class OsNotes {
    private static final Pattern OS_NOTE =
            Pattern.compile("(?i)\\bon (?:\\*{1,2}|_)?(?:macos|windows)\\b");

    private static final Pattern SOURCE_LINK = Pattern.compile("\\]\\(https?://");

    private OsNotes() {}

    /** Checks {@code lesson.md} in a lesson folder. */
    static List<ContentChecker.Problem> check(Path folder) {
        Path file = folder.resolve("lesson.md");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return check(
                    folder.getFileName() + "/lesson.md",
                    Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of(new ContentChecker.Problem("lesson.md", "unreadable: " + e));
        }
    }

    /**
     * Finds "on macOS / on Windows" paragraphs without a source.
     *
     * @param file the name used in problems
     * @param markdown the text
     * @return one problem per such paragraph, at its first line
     */
    static List<ContentChecker.Problem> check(String file, String markdown) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inFence = false;
        boolean frontMatter = lines.length > 0 && lines[0].strip().equals("---");
        int start = 0;
        for (int i = frontMatter ? 1 : 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (frontMatter) {
                if (line.strip().equals("---")) {
                    frontMatter = false;
                    start = i + 1;
                }
                continue;
            }
            boolean fence = line.strip().startsWith("```") || line.strip().startsWith("~~~");
            if ((i == lines.length || line.isBlank() || fence) && !inFence) {
                paragraph(file, lines, start, i, problems);
                start = i + 1;
            }
            if (fence) {
                inFence = !inFence;
                start = i + 1;
            }
        }
        return problems;
    }

    private static void paragraph(
            String file, String[] lines, int from, int to, List<ContentChecker.Problem> problems) {
        if (from >= to) {
            return;
        }
        String text = String.join("\n", List.of(lines).subList(from, to));
        if (text.strip().startsWith("#") || text.strip().startsWith("|")) {
            return; // a heading names the topic; a table row is checked by its own links column
        }
        String prose = text.replaceAll("`[^`]*`", "``");
        if (OS_NOTE.matcher(prose).find() && !SOURCE_LINK.matcher(text).find()) {
            problems.add(
                    new ContentChecker.Problem(
                            file + ":" + (from + 1),
                            "says what happens on macOS or Windows without a source: link the"
                                    + " documentation or recorded evidence it comes from"));
        }
    }
}
