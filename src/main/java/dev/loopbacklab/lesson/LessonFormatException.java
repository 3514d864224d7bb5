package dev.loopbacklab.lesson;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson file could not be read. It carries every problem found, each naming its file (and line
 * where there is one), so an author sees one clear line per problem rather than a stack trace.
 */
public final class LessonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ContentChecker.Problem> problems;
    private final transient List<Lesson.Embed> embeds;

    /** One problem, already phrased as {@code file: what is wrong}. */
    public LessonFormatException(String message) {
        super(message);
        this.problems = List.of();
        this.embeds = List.of();
    }

    /** Several problems; the message is one line per problem. */
    public LessonFormatException(List<ContentChecker.Problem> problems) {
        this(problems, List.of());
    }

    /**
     * Several problems, and the embeds read before the lesson was given up, so that a checker can
     * report an unknown experiment in the same pass as a broken front matter.
     */
    public LessonFormatException(List<ContentChecker.Problem> problems, List<Lesson.Embed> embeds) {
        super(problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.embeds = List.copyOf(embeds);
    }

    /** The embeds the lesson names, as far as they could be read. */
    public List<Lesson.Embed> embeds() {
        return embeds;
    }

    /** The problems with their files, or empty when the message is all there is. */
    public List<ContentChecker.Problem> problems() {
        return problems;
    }
}
