package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the link between lessons and the experiments registered for them: each experiment is
 * embedded in the one lesson it is registered with, and in no other.
 *
 * @param lessonOf the lesson id each registered experiment or check belongs to, by its id
 */
record Placement(Map<String, String> lessonOf) {

    Placement {
        lessonOf = Collections.unmodifiableMap(new LinkedHashMap<>(lessonOf));
    }

    /** No link known: every embed is fine wherever it is (a registry without lessons). */
    static Placement none() {
        return new Placement(Map.of());
    }

    /** Embeds of another lesson's experiments, and this lesson's experiments it does not embed. */
    List<ContentChecker.Problem> problems(Lesson lesson, String file) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        for (Lesson.Embed embed : lesson.embeds()) {
            String owner = lessonOf.get(embed.id());
            if (embed.kind() != Lesson.Embed.Kind.JSHELL
                    && owner != null
                    && !owner.equals(lesson.id())) {
                problems.add(
                        new ContentChecker.Problem(
                                file + ":" + embed.line(),
                                "\""
                                        + embed.id()
                                        + "\" belongs to the lesson "
                                        + owner
                                        + "; embed it there, or register it with "
                                        + lesson.id()));
            }
        }
        Set<String> embedded = Set.copyOf(lesson.embeds().stream().map(Lesson.Embed::id).toList());
        lessonOf.forEach(
                (id, owner) -> {
                    if (owner.equals(lesson.id()) && !embedded.contains(id)) {
                        problems.add(
                                new ContentChecker.Problem(
                                        file,
                                        "\""
                                                + id
                                                + "\" is registered with this lesson but not"
                                                + " embedded in it"));
                    }
                });
        return problems;
    }

    /** One problem per lesson id that experiments are registered with but no lesson has. */
    List<ContentChecker.Problem> orphans(Set<String> lessonIds, String root) {
        Map<String, List<String>> missing = new TreeMap<>();
        lessonOf.forEach(
                (id, owner) -> {
                    if (!lessonIds.contains(owner)) {
                        missing.computeIfAbsent(owner, o -> new ArrayList<>()).add(id);
                    }
                });
        List<ContentChecker.Problem> problems = new ArrayList<>();
        missing.forEach(
                (owner, ids) ->
                        problems.add(
                                new ContentChecker.Problem(
                                        root,
                                        "no lesson "
                                                + owner
                                                + ", though "
                                                + String.join(", ", ids)
                                                + (ids.size() == 1 ? " is" : " are")
                                                + " registered with it")));
        return problems;
    }
}
