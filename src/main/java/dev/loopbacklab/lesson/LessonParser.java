package dev.loopbacklab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.Node;

/**
 * Reads one lesson folder. The front matter between the two {@code ---} lines is YAML, read as data
 * ({@link FrontMatter}); the Markdown after it is parsed once ({@link LessonMarkdown}) and the
 * fenced blocks whose info string is {@code experiment <id>}, {@code check <id>} or {@code jshell}
 * — at any depth — become {@link Lesson.Embed}s.
 */
public final class LessonParser {
    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-([a-z0-9-]+)");

    private LessonParser() {}

    /**
     * Reads {@code folder}; throws {@link LessonFormatException} carrying every problem found, each
     * naming its file and line.
     */
    public static Lesson read(Path folder) {
        String folderName = folder.getFileName().toString().replace("/", "");
        Matcher name = FOLDER.matcher(folderName);
        if (!name.matches()) {
            throw new LessonFormatException(
                    folderName + ": a lesson folder is named NN-id, e.g. 01-loopback-echo");
        }
        Path file = folder.resolve("lesson.md");
        String where = folderName + "/lesson.md";
        if (!Files.isRegularFile(file)) {
            throw one(where, "missing");
        }
        String text = readString(file, where).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw one(where + ":1", "must start with front matter between --- lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw one(where + ":1", "front matter is not closed by a --- line");
        }
        List<ContentChecker.Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.parse(text.substring(4, end + 1), where, 2, problems);
        String markdown = text.substring(end + 5);
        int bodyLine = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count();
        Node document = LessonMarkdown.parse(markdown);
        List<Lesson.Embed> embeds = LessonMarkdown.embeds(document, bodyLine, where, problems);
        Path notesFile = folder.resolve("notes.md");
        String notesWhere = folderName + "/notes.md";
        Optional<Lesson.Notes> notes =
                Files.isRegularFile(notesFile)
                        ? Optional.ofNullable(
                                NotesFile.read(
                                        readString(notesFile, notesWhere), notesWhere, problems))
                        : Optional.empty();
        if (!problems.isEmpty()) {
            throw new LessonFormatException(problems, embeds);
        }
        return new Lesson(
                Integer.parseInt(name.group(1)),
                front.id(),
                front.title(),
                front.minutes(),
                front.summary(),
                front.objectives(),
                markdown,
                document,
                embeds,
                notes,
                scripts(folder, folderName),
                folder);
    }

    private static LessonFormatException one(String file, String message) {
        return new LessonFormatException(List.of(new ContentChecker.Problem(file, message)));
    }

    private static List<Lesson.Script> scripts(Path folder, String folderName) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsh"))
                    .sorted()
                    .map(
                            p ->
                                    new Lesson.Script(
                                            p.getFileName().toString(),
                                            readString(p, folderName + "/" + p.getFileName())))
                    .toList();
        } catch (IOException e) {
            throw new LessonFormatException(folderName + ": cannot list files: " + e.getMessage());
        }
    }

    private static String readString(Path file, String where) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw one(where, "cannot read: " + e.getMessage());
        }
    }
}
