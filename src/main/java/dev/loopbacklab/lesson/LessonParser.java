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

/**
 * Reads one lesson folder. The front matter between the two {@code ---} lines is YAML (parsed by
 * SnakeYAML); fenced blocks whose info string is {@code experiment <id>}, {@code check <id>} or
 * {@code jshell} become {@link Lesson.Embed}s.
 */
public final class LessonParser {
    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-([a-z0-9-]+)");
    private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*(\\S*)\\s*(\\S*)\\s*$");

    private LessonParser() {}

    /** Reads {@code folder}; throws {@link LessonFormatException} naming the file and problem. */
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
            throw new LessonFormatException(where + ": missing");
        }
        String text = readString(file, where).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new LessonFormatException(
                    where + ": must start with front matter between --- lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new LessonFormatException(where + ": front matter is not closed by a --- line");
        }
        FrontMatter front = FrontMatter.parse(text.substring(4, end + 1), where);
        String markdown = text.substring(end + 5);
        int bodyLine = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count();
        Optional<String> notes =
                Files.isRegularFile(folder.resolve("notes.md"))
                        ? Optional.of(
                                readString(folder.resolve("notes.md"), folderName + "/notes.md"))
                        : Optional.empty();
        return new Lesson(
                Integer.parseInt(name.group(1)),
                front.id(),
                front.title(),
                front.minutes(),
                front.summary(),
                front.objectives(),
                markdown,
                embeds(markdown, bodyLine, where),
                notes,
                scripts(folder, folderName),
                folder);
    }

    private static List<Lesson.Embed> embeds(String markdown, int firstLine, String where) {
        List<Lesson.Embed> embeds = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            String marker = fence.group(1);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith(marker)) {
                body.append(lines[j]).append('\n');
                j++;
            }
            Lesson.Embed.Kind kind =
                    switch (fence.group(2)) {
                        case "experiment" -> Lesson.Embed.Kind.EXPERIMENT;
                        case "check" -> Lesson.Embed.Kind.CHECK;
                        case "jshell" -> Lesson.Embed.Kind.JSHELL;
                        default -> null;
                    };
            if (kind != null) {
                String id = fence.group(3);
                if (kind != Lesson.Embed.Kind.JSHELL && id.isEmpty()) {
                    throw new LessonFormatException(
                            where
                                    + ":"
                                    + (firstLine + i + 1)
                                    + ": "
                                    + fence.group(2)
                                    + " block names no id");
                }
                embeds.add(new Lesson.Embed(kind, id, body.toString(), firstLine + i + 1));
            }
            i = j;
        }
        return embeds;
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
            throw new LessonFormatException(where + ": cannot read: " + e.getMessage());
        }
    }
}
