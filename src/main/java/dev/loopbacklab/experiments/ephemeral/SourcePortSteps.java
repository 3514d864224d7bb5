package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The order in which the OS handed out source ports: the first few, and the steps between them. */
final class SourcePortSteps {
    static final String FIRST = "first source ports, in order";
    static final String STEPS = "steps between consecutive ports";
    static final String FORWARD = "steps forward";
    private static final int SHOWN = 10;

    private SourcePortSteps() {}

    static void report(Report report, int[] ports) {
        report.fact(
                FIRST,
                Arrays.stream(ports)
                        .limit(SHOWN)
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(", ")));
        if (ports.length < 2) {
            return;
        }
        int[] steps = new int[ports.length - 1];
        Map<Integer, Integer> counts = new TreeMap<>();
        int forward = 0;
        for (int i = 1; i < ports.length; i++) {
            steps[i - 1] = ports[i] - ports[i - 1];
            counts.merge(steps[i - 1], 1, Integer::sum);
            forward += steps[i - 1] > 0 ? 1 : 0;
        }
        int[] sorted = steps.clone();
        Arrays.sort(sorted);
        report.fact(
                STEPS,
                "smallest "
                        + signed(sorted[0])
                        + ", median "
                        + signed(sorted[sorted.length / 2])
                        + ", largest "
                        + signed(sorted[sorted.length - 1]));
        report.fact(
                FORWARD,
                SampleLines.withShare(forward, steps.length),
                "",
                "a step back is a wrap to the start of the range, or a new starting point");
        List<Map.Entry<Integer, Integer>> common = new ArrayList<>(counts.entrySet());
        common.sort(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : common.subList(0, Math.min(8, common.size()))) {
            rows.add(
                    List.of(
                            signed(entry.getKey()),
                            SampleLines.withShare(entry.getValue(), steps.length)));
        }
        report.table("The most common steps", List.of("step", "how often"), rows);
    }

    private static String signed(int step) {
        return step > 0 ? "+" + step : Integer.toString(step);
    }
}
