package dev.loopbacklab.lesson;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Front matter read as data: SnakeYAML's node tree (which keeps each value's line), checked value
 * by value. YAML quietly turns text into other types — {@code a: b} inside a list item becomes a
 * map, {@code no} a boolean, {@code 1.10} a number — so every field that is text must be a plain
 * string node, and each problem names its file and line.
 */
final class YamlData {
    private final String where;
    private final int firstLine;
    private final List<ContentChecker.Problem> problems;

    /**
     * Reads values of a YAML text that starts at file line {@code firstLine} of {@code where},
     * adding what is wrong to {@code problems}.
     */
    YamlData(String where, int firstLine, List<ContentChecker.Problem> problems) {
        this.where = where;
        this.firstLine = firstLine;
        this.problems = problems;
    }

    /** The top-level fields of {@code yaml}, or empty (with a problem) if it is not a mapping. */
    Optional<Map<String, Node>> fields(String yaml, String what) {
        Node root;
        try {
            root =
                    new Yaml(new SafeConstructor(new LoaderOptions()))
                            .compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
            problem(line, what + " is not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            problem(
                    0,
                    what
                            + " is not valid YAML: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return Optional.empty();
        }
        if (root == null) {
            problem(0, what + " is empty");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problem(line(root), what + " must be a list of name: value lines");
            return Optional.empty();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name =
                    tuple.getKeyNode() instanceof ScalarNode key
                            ? key.getValue()
                            : String.valueOf(tuple.getKeyNode());
            if (fields.putIfAbsent(name, tuple.getValueNode()) != null) {
                problem(line(tuple.getKeyNode()), "\"" + name + "\" is given twice");
            }
        }
        return Optional.of(fields);
    }

    /**
     * {@code node} as plain text, or null with a problem saying what YAML read instead and how to
     * fix it. {@code what} names the value for the author, e.g. "objective 3".
     */
    String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
            if (scalar.getValue().isBlank()) {
                problem(line(node), what + " is empty");
                return null;
            }
            return scalar.getValue();
        }
        problem(line(node), what + " must be plain text, but YAML reads it as " + readAs(node));
        return null;
    }

    /**
     * {@code node} as a record with exactly the fields {@code names} (each present, none other), or
     * null with a problem.
     */
    Map<String, Node> record(Node node, String what, java.util.Set<String> names) {
        String wanted = String.join(", ", names.stream().sorted().toList());
        if (!(node instanceof MappingNode mapping)) {
            problem(line(node), what + " must have " + wanted);
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        boolean sound = true;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!names.contains(key)) {
                problem(
                        line(tuple.getKeyNode()),
                        what + " has an unknown field \"" + key + "\" (it has " + wanted + ")");
                sound = false;
            }
            fields.put(key, tuple.getValueNode());
        }
        if (!fields.keySet().containsAll(names)) {
            problem(line(node), what + " must have " + wanted);
            return null;
        }
        return sound ? fields : null;
    }

    /** {@code node} as a whole number of at least {@code min}, or null with a problem. */
    Integer wholeNumber(Node node, String what, int min) {
        if (node instanceof ScalarNode scalar
                && scalar.getTag().equals(Tag.INT)
                && scalar.getValue().matches("[0-9]{1,6}")
                && Integer.parseInt(scalar.getValue()) >= min) {
            return Integer.parseInt(scalar.getValue());
        }
        problem(line(node), what + " must be a whole number of at least " + min);
        return null;
    }

    /** {@code node}'s items, or null with a problem if it is not a non-empty list. */
    List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return sequence.getValue();
        }
        problem(line(node), what + " must be a list of one or more \"- item\" lines");
        return null;
    }

    /** The line of {@code node} within the YAML text, from 0. */
    int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine();
    }

    /** The line of {@code node} in the file. */
    int fileLine(Node node) {
        return firstLine + line(node);
    }

    /** Adds a problem at {@code yamlLine} (0-based, within the YAML text). */
    void problem(int yamlLine, String message) {
        problems.add(new ContentChecker.Problem(where + ":" + (firstLine + yamlLine), message));
    }

    private static String readAs(Node node) {
        if (node instanceof MappingNode) {
            return "a map (a \": \" inside it starts a key): put the whole text in quotes";
        }
        if (node instanceof SequenceNode) {
            return "a list: write it on one line, in quotes";
        }
        Tag tag = node.getTag();
        String type =
                tag.equals(Tag.BOOL)
                        ? "true or false"
                        : tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                                ? "a number"
                                : tag.equals(Tag.NULL) ? "nothing (null)" : tag.getValue();
        return type + ": put it in quotes";
    }
}
