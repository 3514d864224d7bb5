package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A lesson's front matter: the YAML between the two {@code ---} lines, read with SnakeYAML's safe
 * loader (plain maps, lists and scalars only). SnakeYAML alone, rather than Jackson's YAML module,
 * keeps several hundred classes out of the lab's start-up.
 */
record FrontMatter(String id, String title, int minutes, String summary, List<String> objectives) {
    private static final Set<String> FIELDS =
            Set.of("id", "title", "minutes", "summary", "objectives");

    /** Parses {@code yaml}; problems become {@link LessonFormatException}s naming {@code where}. */
    static FrontMatter parse(String yaml, String where) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new LessonFormatException(where + ": front matter is not valid YAML: " + detail);
        }
        if (loaded == null) {
            throw new LessonFormatException(where + ": front matter is empty");
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new LessonFormatException(
                    where + ": front matter must be a list of name: value lines");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new LessonFormatException(
                        where + ": unknown front matter field \"" + name + "\"");
            }
        }
        List<String> missing = new ArrayList<>();
        String id = text(fields, "id", missing);
        String title = text(fields, "title", missing);
        Object minutes = fields.get("minutes");
        if (!(minutes instanceof Integer m) || m <= 0) {
            missing.add("minutes");
        }
        String summary = text(fields, "summary", missing);
        List<String> objectives = new ArrayList<>();
        if (fields.get("objectives") instanceof List<?> list && !list.isEmpty()) {
            list.forEach(o -> objectives.add(String.valueOf(o)));
        } else {
            missing.add("objectives");
        }
        if (!missing.isEmpty()) {
            throw new LessonFormatException(
                    where
                            + ": front matter lacks "
                            + String.join(", ", missing)
                            + (missing.contains("minutes")
                                    ? " (minutes is a whole number above 0)"
                                    : ""));
        }
        return new FrontMatter(id, title, (Integer) minutes, summary, objectives);
    }

    private static String text(Map<String, Object> fields, String name, List<String> missing) {
        Object value = fields.get(name);
        if (value == null
                || value instanceof Map
                || value instanceof List
                || String.valueOf(value).isBlank()) {
            missing.add(name);
            return null;
        }
        return String.valueOf(value);
    }
}
