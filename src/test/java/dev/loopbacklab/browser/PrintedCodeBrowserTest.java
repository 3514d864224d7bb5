package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A printed lesson's code is the code a learner types from paper: a line too long for the paper
 * wraps at a space, never inside a word, and nothing runs off the page. Checked on the lessons with
 * the longest line of code and the longest word of code, on A4 (narrower than Letter), by reading
 * Chromium's PDF back: every line of every code block the page shows is found in the printed text
 * once the printed line breaks are read as spaces, which a word broken in two or a line cut off at
 * the page's edge would not be.
 */
class PrintedCodeBrowserTest extends BrowserTestBase {
    /** The text of each code block a printed lesson shows (facilitator notes never print). */
    private static final String CODE =
            """
      return [...document.querySelectorAll('main pre')]
          .filter(pre => !pre.closest('.facilitator-notes'))
          .map(pre => pre.textContent);
      """;

    @Override
    LabServer startLab() {
        return realLab();
    }

    /** The lesson with the longest line of code, and the one with the longest word of code. */
    static Stream<String> widestLessons() throws IOException {
        List<Path> lessons;
        try (Stream<Path> folders = Files.list(Path.of("lessons"))) {
            lessons = folders.filter(Files::isDirectory).sorted().toList();
        }
        ToIntFunction<Path> longestLine =
                folder -> codeLines(folder).stream().mapToInt(String::length).max().orElse(0);
        ToIntFunction<Path> longestWord =
                folder ->
                        codeLines(folder).stream()
                                .flatMap(l -> Stream.of(l.split("\\s+")))
                                .mapToInt(String::length)
                                .max()
                                .orElse(0);
        return Stream.of(longestLine, longestWord)
                .map(by -> lessons.stream().max(Comparator.comparingInt(by)).orElseThrow())
                .distinct()
                .map(folder -> folder.getFileName().toString().replaceFirst("^\\d+-", ""));
    }

    /** The lines of a lesson's code: its fenced blocks and its JShell scripts. */
    private static List<String> codeLines(Path folder) {
        List<String> code = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jsh")) {
                    code.addAll(Files.readAllLines(file));
                } else if (name.equals("lesson.md")) {
                    boolean inFence = false;
                    for (String line : Files.readAllLines(file)) {
                        if (line.strip().startsWith("```")) {
                            inFence = !inFence;
                        } else if (inFence) {
                            code.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code;
    }

    @ParameterizedTest
    @MethodSource("widestLessons")
    void printedCodeWrapsOnlyBetweenWordsAndStaysOnThePage(String lesson) throws Exception {
        open("/lessons/" + lesson);
        @SuppressWarnings("unchecked")
        List<String> blocks = (List<String>) browser.js(CODE);
        assertTrue(!blocks.isEmpty(), lesson + " shows code");
        Path pdf = Printed.pdf(browser, "code-" + lesson, "a4");
        String printed = " " + Printed.text(pdf).replace('\f', ' ').replaceAll(" +", " ") + " ";
        List<String> broken = new ArrayList<>();
        int lines = 0;
        for (String block : blocks) {
            for (String line : block.split("\n")) {
                String words = line.strip().replaceAll("\\s+", " ");
                if (!words.isEmpty()) {
                    lines++;
                    if (!printed.contains(" " + words + " ")) {
                        broken.add(words);
                    }
                }
            }
        }
        assertTrue(lines > 20, lesson + ": " + lines + " lines of code");
        // A line that wraps goes on indented, so it does not read as a line of its own.
        String longest =
                blocks.stream()
                        .flatMap(String::lines)
                        .max(Comparator.comparingInt(String::length))
                        .orElseThrow()
                        .strip();
        List<String> layout = Printed.layoutLines(pdf);
        String start = longest.substring(0, Math.min(40, longest.length()));
        int first = -1;
        for (int i = 0; i < layout.size() && first < 0; i++) {
            first = layout.get(i).contains(start) ? i : -1;
        }
        assertTrue(first >= 0, "\"" + start + "\" printed");
        if (!layout.get(first).contains(longest)) {
            assertTrue(
                    indent(layout.get(first + 1)) > indent(layout.get(first)),
                    "the rest of a wrapped line is indented:\n"
                            + layout.get(first)
                            + "\n"
                            + layout.get(first + 1));
        }
        assertEquals(
                List.of(),
                broken,
                lesson
                        + ": lines of code broken inside a word or cut off in print (see"
                        + " target/screenshots/code-"
                        + lesson
                        + ".pdf)");
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
