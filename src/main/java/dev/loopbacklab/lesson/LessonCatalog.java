package dev.loopbacklab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * All lessons under one {@code lessons/} folder, in their numbered order: read all at once ({@link
 * #load}), or named by a built {@link LessonIndex} and each read the first time it is asked for
 * ({@link #indexed}), as a lab started from the jar does.
 */
public final class LessonCatalog {
    private final LessonIndex index;
    private final IntFunction<Lesson> lesson;

    private LessonCatalog(LessonIndex index, IntFunction<Lesson> lesson) {
        this.index = index;
        this.lesson = lesson;
    }

    /** Reads every {@code NN-id} folder under {@code root} now; a broken lesson throws. */
    public static LessonCatalog load(Path root) {
        List<Lesson> lessons = folders(root).stream().map(LessonParser::read).toList();
        return new LessonCatalog(LessonIndex.of(lessons), lessons::get);
    }

    /**
     * The lessons {@code index} names under {@code root}, each read (once) when it is first asked
     * for; a broken lesson throws then. The index must come from the same files ({@link
     * LessonIndex#packed}).
     */
    public static LessonCatalog indexed(Path root, LessonIndex index) {
        AtomicReferenceArray<Lesson> read = new AtomicReferenceArray<>(index.lessons().size());
        return new LessonCatalog(
                index,
                i -> {
                    Lesson done = read.get(i);
                    if (done == null) {
                        // two threads asking at once may both parse it: the same lesson either way
                        done = LessonParser.read(root.resolve(index.lessons().get(i).folderName()));
                        read.compareAndSet(i, null, done);
                    }
                    return read.get(i);
                });
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

    /** Every lesson, each read now if it was not yet. */
    public List<Lesson> lessons() {
        return IntStream.range(0, index.lessons().size()).mapToObj(lesson).toList();
    }

    /** What the index page and the links between lessons need, without reading a lesson. */
    public LessonIndex index() {
        return index;
    }

    /** The lesson with {@code id}, read now if it was not yet; empty if there is none. */
    public Optional<Lesson> find(String id) {
        List<LessonIndex.Entry> entries = index.lessons();
        OptionalInt at =
                IntStream.range(0, entries.size())
                        .filter(i -> entries.get(i).id().equals(id))
                        .findFirst();
        return at.isPresent() ? Optional.of(lesson.apply(at.getAsInt())) : Optional.empty();
    }

    /** The lesson that embeds the experiment or check {@code id}, if any. */
    public Optional<Lesson> lessonOf(String experimentId) {
        return index.lessons().stream()
                .filter(
                        l ->
                                l.experimentIds().contains(experimentId)
                                        || l.checkIds().contains(experimentId))
                .findFirst()
                .flatMap(l -> find(l.id()));
    }
}
