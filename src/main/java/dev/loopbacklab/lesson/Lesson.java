package dev.loopbacklab.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * One lesson, read from {@code lessons/NN-id/}: its front matter, its Markdown body, the blocks it
 * embeds, its facilitator notes and its JShell scripts.
 *
 * <p>{@code document} is the Markdown parsed once ({@link LessonMarkdown}): the embeds were read
 * from it and the page renders it. Treat it as read-only.
 */
public record Lesson(
        int number,
        String id,
        String title,
        int minutes,
        String summary,
        List<String> objectives,
        String markdown,
        Node document,
        List<Embed> embeds,
        Optional<Notes> notes,
        List<Script> scripts,
        Path folder) {

    public Lesson {
        objectives = List.copyOf(objectives);
        embeds = List.copyOf(embeds);
        scripts = List.copyOf(scripts);
    }

    /**
     * Where a title names the address the learner reached the lab at, as lesson 00's "You are
     * reading {address}" does: the lab runs on another port when 62893 is busy, and a room reaches
     * it by another address, so no one address is true for every reader.
     */
    public static final String ADDRESS = "{address}";

    /** What {@link #ADDRESS} reads as where no request says which address was used. */
    public static final String ANY_ADDRESS = "127.0.0.1:<port>";

    /**
     * The title as read where the learner's address is not known (the command line, JShell,
     * printouts): {@link #ADDRESS} reads {@link #ANY_ADDRESS}.
     */
    @Override
    public String title() {
        return title(ANY_ADDRESS);
    }

    /** The title with {@link #ADDRESS} read as {@code address}, such as {@code localhost:8080}. */
    public String title(String address) {
        return title.replace(ADDRESS, address);
    }

    /** The folder name, e.g. {@code 01-loopback-echo}. */
    public String folderName() {
        return String.format(Locale.ROOT, "%02d-%s", number, id);
    }

    /** The ids of the experiments this lesson embeds, in order. */
    public List<String> experimentIds() {
        return embeds.stream()
                .filter(e -> e.kind() == Embed.Kind.EXPERIMENT)
                .map(Embed::id)
                .toList();
    }

    /** The ids of the checks this lesson embeds, in order. */
    public List<String> checkIds() {
        return embeds.stream().filter(e -> e.kind() == Embed.Kind.CHECK).map(Embed::id).toList();
    }

    /**
     * A fenced block in {@code lesson.md} that names an experiment, a check or a JShell snippet.
     */
    public record Embed(Kind kind, String id, String body, int line) {
        /** What the block holds. */
        public enum Kind {
            EXPERIMENT,
            CHECK,
            JSHELL
        }
    }

    /** The text of the lesson's {@code ##} headings, in order: its sections. */
    public List<String> sections() {
        return LessonMarkdown.headings(document, 2);
    }

    /**
     * The lesson's {@code notes.md} for facilitators: the Markdown after its front matter, that
     * text parsed once (read-only), the timing steps, what to prepare before the session, and the
     * questions to ask the room.
     */
    public record Notes(
            String markdown,
            Node document,
            List<Step> steps,
            Optional<String> prepare,
            List<Question> questions) {
        public Notes {
            steps = List.copyOf(steps);
            questions = List.copyOf(questions);
        }

        /** The minutes of all steps. */
        public int minutes() {
            return steps.stream().mapToInt(Step::minutes).sum();
        }
    }

    /**
     * One timed step of teaching a lesson, from the {@code steps:} of {@code notes.md}: how many
     * minutes, in which section (the text of a {@code ##} heading of {@code lesson.md}), doing
     * what. {@code line} is its line in {@code notes.md}.
     */
    public record Step(int minutes, String section, String what, int line) {}

    /**
     * A question to ask the room during a section, with its answer (both Markdown text), from the
     * {@code questions:} of {@code notes.md}; {@code line} is its line there.
     */
    public record Question(String section, String ask, String answer, int line) {}

    /** A {@code .jsh} file in the lesson's folder. */
    public record Script(String fileName, String text) {}
}
