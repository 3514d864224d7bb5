package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a lesson's {@code notes.md}: optional front matter holding the timing {@code steps} (each
 * with {@code minutes}, {@code section} and {@code what}) and {@code prepare} (what to do before
 * the session), then the facilitator notes in Markdown. Whether the steps fit the lesson is the
 * {@link ContentChecker}'s question; this only reads them as data.
 */
final class NotesFile {
    private static final Set<String> FIELDS = Set.of("steps", "prepare", "questions");
    private static final Set<String> STEP_FIELDS = Set.of("minutes", "section", "what");
    private static final Set<String> QUESTION_FIELDS = Set.of("section", "ask", "answer");

    private NotesFile() {}

    static Lesson.Notes read(String text, String where, List<ContentChecker.Problem> problems) {
        String all = text.replace("\r\n", "\n");
        if (!all.startsWith("---\n")) {
            return new Lesson.Notes(
                    all, LessonMarkdown.parse(all), List.of(), Optional.empty(), List.of());
        }
        int end = all.indexOf("\n---\n", 3);
        if (end < 0) {
            problems.add(
                    new ContentChecker.Problem(
                            where + ":1", "front matter is not closed by a --- line"));
            return null;
        }
        String markdown = all.substring(end + 5);
        YamlData data = new YamlData(where, 2, problems);
        Map<String, Node> fields =
                data.fields(all.substring(4, end + 1), "front matter").orElse(null);
        List<Lesson.Step> steps = new ArrayList<>();
        List<Lesson.Question> questions = new ArrayList<>();
        Optional<String> prepare = Optional.empty();
        if (fields != null) {
            fields.forEach(
                    (name, node) -> {
                        if (!FIELDS.contains(name)) {
                            data.problem(
                                    data.line(node),
                                    "unknown front matter field \""
                                            + name
                                            + "\" (notes.md knows steps, prepare and questions)");
                        }
                    });
            List<Node> items =
                    fields.containsKey("steps") ? data.list(fields.get("steps"), "steps") : null;
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    Lesson.Step step = step(items.get(i), i + 1, data);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            }
            List<Node> asked =
                    fields.containsKey("questions")
                            ? data.list(fields.get("questions"), "questions")
                            : null;
            if (asked != null) {
                for (int i = 0; i < asked.size(); i++) {
                    Lesson.Question question = question(asked.get(i), i + 1, data);
                    if (question != null) {
                        questions.add(question);
                    }
                }
            }
            if (fields.containsKey("prepare")) {
                prepare = Optional.ofNullable(data.text(fields.get("prepare"), "prepare"));
            }
        }
        return new Lesson.Notes(
                markdown, LessonMarkdown.parse(markdown), steps, prepare, questions);
    }

    private static Lesson.Question question(Node node, int number, YamlData data) {
        Map<String, Node> f = data.record(node, "question " + number, QUESTION_FIELDS);
        if (f == null) {
            return null;
        }
        String section = data.text(f.get("section"), "question " + number + " section");
        String ask = data.text(f.get("ask"), "question " + number + " ask");
        String answer = data.text(f.get("answer"), "question " + number + " answer");
        return section == null || ask == null || answer == null
                ? null
                : new Lesson.Question(section, ask, answer, data.fileLine(node));
    }

    private static Lesson.Step step(Node node, int number, YamlData data) {
        String name = "step " + number;
        if (!(node instanceof MappingNode mapping)) {
            data.problem(data.line(node), name + " must have minutes, section and what");
            return null;
        }
        Node minutes = null;
        Node section = null;
        Node what = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            switch (key) {
                case "minutes" -> minutes = tuple.getValueNode();
                case "section" -> section = tuple.getValueNode();
                case "what" -> what = tuple.getValueNode();
                default ->
                        data.problem(
                                data.line(tuple.getKeyNode()),
                                name
                                        + " has an unknown field \""
                                        + key
                                        + "\" (it knows "
                                        + String.join(", ", STEP_FIELDS.stream().sorted().toList())
                                        + ")");
            }
        }
        if (minutes == null || section == null || what == null) {
            data.problem(data.line(node), name + " must have minutes, section and what");
            return null;
        }
        Integer m = data.wholeNumber(minutes, name + " minutes", 1);
        String s = data.text(section, name + " section");
        String w = data.text(what, name + " what");
        if (m == null || s == null || w == null) {
            return null;
        }
        return new Lesson.Step(m, s, w, data.fileLine(node));
    }
}
