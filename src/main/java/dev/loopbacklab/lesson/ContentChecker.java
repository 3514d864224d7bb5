package dev.loopbacklab.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code lessons/} folder the way a reviewer would: every lesson parses, its id matches
 * its folder, ids are unique kebab-case, numbers run 00, 01, 02… without gaps, and every experiment
 * and check it names exists (wherever its block sits in the Markdown) and belongs to it, and its
 * notes time it ({@link TimingRules}), and its scripts keep {@link ScriptRules}. Each problem names
 * the file, and the line where there is one.
 */
public final class ContentChecker {
    private static final String KEBAB = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Set<String> experiments;
    private final Set<String> checks;
    private final Placement placement;

    /** A checker that knows these experiment and check ids, but not which lesson they belong to. */
    public ContentChecker(Set<String> experiments, Set<String> checks) {
        this(experiments, checks, Map.of());
    }

    /**
     * A checker that also knows the lesson each experiment and check is registered with ({@code
     * lessonOf}, by id), and reports one embedded elsewhere, or not embedded at all.
     */
    public ContentChecker(
            Set<String> experiments, Set<String> checks, Map<String, String> lessonOf) {
        this.experiments = Set.copyOf(experiments);
        this.checks = Set.copyOf(checks);
        this.placement = new Placement(lessonOf);
    }

    /**
     * One thing wrong with one file; {@code file} is relative to the lessons folder and ends in
     * {@code :line} where the problem has a line.
     */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    private List<Problem> unknownIds(List<Lesson.Embed> embeds, String file) {
        List<Problem> problems = new ArrayList<>();
        for (Lesson.Embed embed : embeds) {
            String at = file + ":" + embed.line();
            if (embed.kind() == Lesson.Embed.Kind.EXPERIMENT && !experiments.contains(embed.id())) {
                problems.add(new Problem(at, "no experiment named \"" + embed.id() + "\""));
            }
            if (embed.kind() == Lesson.Embed.Kind.CHECK && !checks.contains(embed.id())) {
                problems.add(new Problem(at, "no check named \"" + embed.id() + "\""));
            }
        }
        return problems;
    }

    /** Every problem found under {@code root}; empty when the content is sound. */
    public List<Problem> check(Path root) {
        List<Problem> problems = new ArrayList<>();
        List<Path> folders;
        try {
            folders = LessonCatalog.folders(root);
        } catch (LessonFormatException e) {
            return List.of(new Problem(root.toString(), e.getMessage()));
        }
        if (folders.isEmpty()) {
            problems.add(new Problem(root.toString(), "no lessons found"));
        }
        Map<String, String> seenIds = new HashMap<>();
        Set<String> folderIds = new HashSet<>();
        int expected = 0;
        for (Path folder : folders) {
            String name = folder.getFileName().toString().replace("/", "");
            String file = name + "/lesson.md";
            folderIds.add(name.replaceFirst("^\\d+-", ""));
            Lesson lesson;
            try {
                lesson = LessonParser.read(folder);
            } catch (LessonFormatException e) {
                if (!e.problems().isEmpty()) {
                    problems.addAll(e.problems());
                    problems.addAll(unknownIds(e.embeds(), file));
                    expected++;
                    continue;
                }
                String message = e.getMessage();
                String prefix = message.startsWith(file + ":") ? file : name;
                problems.add(
                        new Problem(
                                prefix,
                                message.substring(Math.min(message.length(), prefix.length() + 1))
                                        .strip()));
                expected++;
                continue;
            }
            if (lesson.number() != expected) {
                problems.add(
                        new Problem(
                                file,
                                String.format(
                                        Locale.ROOT,
                                        "lesson number %02d breaks the sequence: expected %02d",
                                        lesson.number(),
                                        expected)));
            }
            expected = lesson.number() + 1;
            if (!lesson.id().matches(KEBAB)) {
                problems.add(new Problem(file, "id \"" + lesson.id() + "\" is not kebab-case"));
            }
            if (!name.equals(lesson.folderName())) {
                problems.add(
                        new Problem(
                                file,
                                "id \""
                                        + lesson.id()
                                        + "\" does not match the folder name "
                                        + name));
            }
            String other = seenIds.putIfAbsent(lesson.id(), name);
            if (other != null) {
                problems.add(
                        new Problem(
                                file, "id \"" + lesson.id() + "\" is already used by " + other));
            }
            problems.addAll(TimingRules.check(lesson, name));
            problems.addAll(MeasuredFigures.check(folder));
            problems.addAll(OsNotes.check(folder));
            for (Lesson.Embed block : lesson.embeds()) {
                if (block.kind() == Lesson.Embed.Kind.JSHELL) {
                    problems.addAll(ScriptRules.barePrints(file, block.line() + 1, block.body()));
                }
            }
            for (Lesson.Script script : lesson.scripts()) {
                problems.addAll(ScriptRules.check(name + "/" + script.fileName(), script.text()));
            }
            problems.addAll(unknownIds(lesson.embeds(), file));
            problems.addAll(placement.problems(lesson, file));
        }
        problems.addAll(placement.orphans(folderIds, root.toString()));
        return problems;
    }
}
