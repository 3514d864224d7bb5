package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A lesson's front matter: the YAML between the two {@code ---} lines, read as data by {@link
 * YamlData} (SnakeYAML alone, rather than Jackson's YAML module, keeps several hundred classes out
 * of the lab's start-up).
 */
record FrontMatter(String id, String title, int minutes, String summary, List<String> objectives) {
    private static final List<String> REQUIRED =
            List.of("id", "title", "minutes", "summary", "objectives");
    private static final Set<String> FIELDS = Set.copyOf(REQUIRED);

    /**
     * Parses {@code yaml}, which starts at line {@code firstLine} of {@code where}; returns null
     * after adding every problem found to {@code problems}.
     */
    static FrontMatter parse(
            String yaml, String where, int firstLine, List<ContentChecker.Problem> problems) {
        int before = problems.size();
        YamlData data = new YamlData(where, firstLine, problems);
        Map<String, Node> fields = data.fields(yaml, "front matter").orElse(null);
        if (fields == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (!fields.containsKey(name)) {
                missing.add(name);
            }
        }
        fields.forEach(
                (name, node) -> {
                    if (!FIELDS.contains(name)) {
                        data.problem(
                                data.line(node), "unknown front matter field \"" + name + "\"");
                    }
                });
        if (!missing.isEmpty()) {
            data.problem(0, "front matter lacks " + String.join(", ", missing));
        }
        String id = fields.containsKey("id") ? data.text(fields.get("id"), "id") : null;
        String title = fields.containsKey("title") ? data.text(fields.get("title"), "title") : null;
        Integer minutes =
                fields.containsKey("minutes")
                        ? data.wholeNumber(fields.get("minutes"), "minutes", 1)
                        : null;
        String summary =
                fields.containsKey("summary") ? data.text(fields.get("summary"), "summary") : null;
        List<String> objectives = new ArrayList<>();
        List<Node> items =
                fields.containsKey("objectives")
                        ? data.list(fields.get("objectives"), "objectives")
                        : null;
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                objectives.add(data.text(items.get(i), "objective " + (i + 1)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new FrontMatter(id, title, minutes, summary, objectives);
    }
}
