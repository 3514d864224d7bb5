package dev.loopbacklab.room;

import dev.loopbacklab.lesson.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which runs a learner's lab tells the room about, and which few numbers it takes from them: every
 * check's verdict, and the numbers the lessons' notes ask the room to compare. Nothing else of a
 * run leaves the learner's machine: no tables, names, paths or addresses (a loopback address the
 * learner's {@code localhost} resolved to is the one address sent, and it is the same on every
 * machine that has it).
 */
public final class RoomNumbers {
    private record Rule(
            String experiment, String name, Function<List<Event>, Optional<String>> take) {}

    private static final List<Rule> RULES =
            List.of(
                    new Rule("echo-rtt", "tcp-p50-us", events -> tableCell(events, "TCP", "p50")),
                    new Rule(
                            "ephemeral-range",
                            "range",
                            events -> fact(events, l -> l.equals("OS ephemeral range"))),
                    new Rule(
                            "localhost-resolve",
                            "localhost-first",
                            events ->
                                    fact(
                                            events,
                                            l -> l.startsWith("Java's new Socket(\"localhost\""))),
                    new Rule(
                            "port-privileged",
                            "low-port-result",
                            events -> fact(events, l -> l.equals("result"))),
                    new Rule(
                            "port-privileged",
                            "low-port",
                            events -> fact(events, l -> l.equals("first free port below 1024"))));

    private RoomNumbers() {}

    /** The experiments (not checks) whose numbers the room collects. */
    public static Set<String> experiments() {
        Set<String> ids = new java.util.TreeSet<>();
        RULES.forEach(r -> ids.add(r.experiment()));
        return ids;
    }

    /** The numbers of one finished run of {@code experiment}; empty if it is not collected. */
    public static Map<String, String> of(String experiment, List<Event> events) {
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            if (rule.experiment().equals(experiment)) {
                rule.take()
                        .apply(events)
                        .map(RoomNumbers::ascii)
                        .ifPresent(v -> numbers.put(rule.name(), v));
            }
        }
        return numbers;
    }

    private static Optional<String> fact(
            List<Event> events, java.util.function.Predicate<String> label) {
        return events.stream()
                .filter(e -> e instanceof Event.Fact f && label.test(f.label()))
                .map(e -> ((Event.Fact) e).value())
                .reduce((first, second) -> second);
    }

    private static Optional<String> tableCell(List<Event> events, String row, String column) {
        for (Event event : events) {
            if (event instanceof Event.Table t) {
                int col = t.headers().indexOf(column);
                if (col < 0) {
                    continue;
                }
                for (List<String> cells : t.rows()) {
                    if (!cells.isEmpty() && cells.get(0).equals(row) && col < cells.size()) {
                        return Optional.of(cells.get(col));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Printable ASCII only, at most 64 characters: dashes and spaces of other kinds become plain.
     */
    static String ascii(String value) {
        String plain =
                value.replace('\u2013', '-')
                        .replace('\u2014', '-')
                        .replace('\u00a0', ' ')
                        .replace('\u202f', ' ')
                        .replaceAll("[^\\x20-\\x7e]", "");
        return plain.length() > Summary.MAX_TEXT ? plain.substring(0, Summary.MAX_TEXT) : plain;
    }
}
