package dev.loopbacklab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** All lessons under one {@code lessons/} folder, in their numbered order. */
public final class LessonCatalog {
    private final List<Lesson> lessons;

    private LessonCatalog(List<Lesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    /** Reads every {@code NN-id} folder under {@code root}; a broken lesson throws. */
    public static LessonCatalog load(Path root) {
        return new LessonCatalog(folders(root).stream().map(LessonParser::read).toList());
    }

    /** The lesson folders under {@code root}, sorted by name (and so by number). */
    static List<Path> folders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new LessonFormatException(root + ": the lessons folder is missing");
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lesson before {@code lesson} on the path, if any. */
    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    /** The lesson after {@code lesson} on the path, if any. */
    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size()
                ? Optional.of(lessons.get(i + 1))
                : Optional.empty();
    }

    /** The lesson that embeds the experiment or check {@code id}, if any. */
    public Optional<Lesson> lessonOf(String experimentId) {
        return lessons.stream()
                .filter(
                        l ->
                                l.experimentIds().contains(experimentId)
                                        || l.checkIds().contains(experimentId))
                .findFirst();
    }
}
