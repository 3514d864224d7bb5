package dev.loopbacklab.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Which bars of a chart get a label under them, so that no two labels overlap: as many as fit,
 * evenly spaced, first and last preferred. Long "from–to" labels are shortened to "from" when the
 * full ones would leave fewer than four labels.
 */
final class ChartLabels {
    /** Average advance of a digit or letter of system-ui, as a share of the font size. */
    static final double CHAR_WIDTH = 0.62;

    private ChartLabels() {}

    /** A label to draw: its text and the x of its middle. */
    record Placed(String text, double x) {}

    /** The labels as drawn, and whether they were shortened to the start of each bar. */
    record Result(List<Placed> labels, boolean shortened) {}

    /**
     * Places {@code labels} under bars whose middles lie at {@code centers}, with text {@code font}
     * units tall, inside {@code [minX, maxX]}.
     */
    static Result place(
            List<String> labels, List<Double> centers, double font, double minX, double maxX) {
        List<Placed> full = greedy(labels, centers, font, minX, maxX);
        boolean ranges = labels.stream().anyMatch(l -> l.contains("–"));
        if (!ranges || full.size() >= Math.min(4, labels.size())) {
            return new Result(full, false);
        }
        List<String> starts = labels.stream().map(l -> l.split("–", 2)[0]).toList();
        return new Result(greedy(starts, centers, font, minX, maxX), true);
    }

    static double width(String text, double font) {
        return text.codePointCount(0, text.length()) * font * CHAR_WIDTH;
    }

    private static List<Placed> greedy(
            List<String> labels, List<Double> centers, double font, double minX, double maxX) {
        int n = labels.size();
        if (n == 0) {
            return List.of();
        }
        double widest = labels.stream().mapToDouble(l -> width(l, font)).max().orElse(0);
        double slot = n > 1 ? centers.get(1) - centers.get(0) : maxX - minX;
        double gap = font * 0.8;
        int stride = Math.max(1, (int) Math.ceil((widest + gap) / Math.max(1e-9, slot)));
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            wanted.add(i);
        }
        if (wanted.get(wanted.size() - 1) != n - 1) {
            wanted.add(n - 1);
        }
        List<Placed> placed = new ArrayList<>();
        double right = Double.NEGATIVE_INFINITY;
        for (int i : wanted) {
            double w = width(labels.get(i), font);
            double x = Math.max(minX + w / 2, Math.min(maxX - w / 2, centers.get(i)));
            if (x - w / 2 < right + gap) {
                if (i == n - 1 && !placed.isEmpty() && placed.size() > 1) {
                    // the last bar (often "above …" or "≥ …") matters more than the one before it
                    Placed dropped = placed.remove(placed.size() - 1);
                    right = placed.isEmpty() ? Double.NEGATIVE_INFINITY : rightOf(placed, font);
                    if (x - w / 2 < right + gap) {
                        placed.add(dropped);
                        continue;
                    }
                } else {
                    continue;
                }
            }
            placed.add(new Placed(labels.get(i), x));
            right = x + w / 2;
        }
        return placed;
    }

    private static double rightOf(List<Placed> placed, double font) {
        Placed last = placed.get(placed.size() - 1);
        return last.x() + width(last.text(), font) / 2;
    }
}
