package dev.loopbacklab.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The room's numbers summed up for a projector: per experiment of {@link RoomNumbers}, how many
 * machines gave each answer (the echo-rtt medians as a histogram; the other answers by OS), and the
 * room's OS mix. The presenter shows them for the step that runs the experiment.
 */
public final class RoomFigures {
    /** Histogram bounds for echo-rtt's TCP medians, in µs (as the board draws them). */
    static final double[] RTT_BOUNDS = {5, 10, 20, 50, 100, 200, 500};

    /** One answer and how many machines gave it. */
    public record Row(String label, int machines) {}

    /**
     * What the room said for one experiment ({@code "os"} for the OS mix): {@code machines} is how
     * many sent an answer at all.
     */
    public record Table(String experiment, String caption, List<Row> rows, int machines) {}

    private RoomFigures() {}

    /** The tables for {@code learners} (who left included: what they measured stays true). */
    public static List<Table> of(List<BoardState.Learner> learners) {
        List<Table> tables = new ArrayList<>();
        Map<String, Integer> os = new TreeMap<>();
        learners.forEach(l -> os.merge(l.os(), 1, Integer::sum));
        tables.add(table("os", "The room's operating systems", os, learners.size()));
        tables.add(rtt(learners));
        tables.add(
                byOs(
                        learners,
                        "ephemeral-range",
                        "range",
                        "ephemeral-range: the OS's ephemeral range, by OS"));
        tables.add(
                byOs(
                        learners,
                        "localhost-resolve",
                        "localhost-first",
                        "localhost-resolve: what localhost is first, by OS"));
        tables.add(
                byOs(
                        learners,
                        "port-privileged",
                        "low-port-result",
                        "port-privileged: binding the lowest free port below 1024, by OS"));
        return tables;
    }

    private static Table rtt(List<BoardState.Learner> learners) {
        int[] buckets = new int[RTT_BOUNDS.length + 1];
        int measured = 0;
        for (BoardState.Learner learner : learners) {
            Map<String, String> numbers = learner.numbers().get("echo-rtt");
            if (numbers == null || numbers.get("tcp-p50-us") == null) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(numbers.get("tcp-p50-us").replace(",", "").strip());
            } catch (NumberFormatException e) {
                continue;
            }
            int i = 0;
            while (i < RTT_BOUNDS.length && value >= RTT_BOUNDS[i]) {
                i++;
            }
            buckets[i]++;
            measured++;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            String label =
                    i == 0
                            ? "under " + whole(RTT_BOUNDS[0]) + " µs"
                            : i == RTT_BOUNDS.length
                                    ? whole(RTT_BOUNDS[i - 1]) + " µs or more"
                                    : whole(RTT_BOUNDS[i - 1]) + "–" + whole(RTT_BOUNDS[i]) + " µs";
            rows.add(new Row(label, buckets[i]));
        }
        return new Table(
                "echo-rtt",
                "echo-rtt: each machine's TCP round-trip median",
                measured == 0 ? List.of() : rows,
                measured);
    }

    private static Table byOs(
            List<BoardState.Learner> learners, String experiment, String number, String caption) {
        Map<String, Integer> counts = new TreeMap<>();
        int answered = 0;
        for (BoardState.Learner learner : learners) {
            Map<String, String> numbers = learner.numbers().get(experiment);
            if (numbers != null && numbers.get(number) != null) {
                counts.merge(learner.os() + ": " + numbers.get(number), 1, Integer::sum);
                answered++;
            }
        }
        return table(experiment, caption, counts, answered);
    }

    private static Table table(
            String experiment, String caption, Map<String, Integer> counts, int machines) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((label, n) -> rows.add(new Row(label, n)));
        return new Table(experiment, caption, rows, machines);
    }

    private static String whole(double value) {
        return String.valueOf((long) value);
    }
}
