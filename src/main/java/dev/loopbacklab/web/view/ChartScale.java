package dev.loopbacklab.web.view;

import dev.loopbacklab.lesson.Event;
import java.util.List;

/**
 * The value axis of a chart, fitted to its data: from 0 as a rule; from a baseline near the data
 * when every bar is large and close to the others (five source ports 34498–34526 would otherwise
 * look identical); on a log scale when a few bars dwarf the rest (a histogram with a heavy tail).
 * Any axis that is not a plain 0-based one says so in {@link #note()}.
 *
 * @param kind how values map to heights
 * @param from the value at the foot of the axis
 * @param to the value at the top of the axis
 */
record ChartScale(Kind kind, double from, double to) {

    /** How values map to heights. */
    enum Kind {
        LINEAR,
        BASELINE,
        LOG
    }

    /** Largest to smallest non-zero value past which a linear axis hides the small bars. */
    private static final double LOG_RATIO = 50;

    /** The scale that shows {@code bars} best. */
    static ChartScale fit(List<Event.Bar> bars) {
        double max = bars.stream().mapToDouble(Event.Bar::value).max().orElse(1);
        double min = bars.stream().mapToDouble(Event.Bar::value).min().orElse(0);
        double minPositive =
                bars.stream().mapToDouble(Event.Bar::value).filter(v -> v > 0).min().orElse(1);
        if (max <= 0) {
            return new ChartScale(Kind.LINEAR, 0, 1);
        }
        if (bars.size() > 1 && min > 0 && (max - min) < 0.25 * max && max - min > 0) {
            double spread = max - min;
            double step = niceStep(spread);
            double from = Math.max(0, Math.floor((min - spread * 0.5) / step) * step);
            return new ChartScale(Kind.BASELINE, from, max);
        }
        long small = bars.stream().filter(b -> b.value() > 0 && b.value() * 20 < max).count();
        if (max / minPositive >= LOG_RATIO && small * 3 >= bars.size()) {
            return new ChartScale(Kind.LOG, 0, max);
        }
        return new ChartScale(Kind.LINEAR, 0, max);
    }

    /** The share of the plot's height a bar of {@code value} fills, from 0 to 1. */
    double fraction(double value) {
        double v = Math.max(from, Math.min(to, value));
        return switch (kind) {
            case LINEAR, BASELINE -> to == from ? 1 : (v - from) / (to - from);
            case LOG -> Math.log10(1 + v) / Math.log10(1 + to);
        };
    }

    /** Values to mark on the axis, foot and top included. */
    List<Double> ticks() {
        if (kind == Kind.LOG) {
            List<Double> ticks = new java.util.ArrayList<>();
            ticks.add(0.0);
            for (double t = 10; t < to * 0.8; t *= 10) {
                ticks.add(t);
            }
            ticks.add(to);
            return ticks;
        }
        return List.of(from, to);
    }

    /** What a reader must know about the axis, or "" for a plain one from 0. */
    String note() {
        return switch (kind) {
            case LINEAR -> "";
            case BASELINE ->
                    "The value axis starts at "
                            + format(from)
                            + ", not 0, so that bars this close can be told apart.";
            case LOG ->
                    "The value axis is logarithmic (0, 10, 100, …), so that the small bars stay"
                            + " visible beside the tallest.";
        };
    }

    static String format(double value) {
        return new Event.Bar("", value, false).display();
    }

    /** 1, 2 or 5 times a power of ten, near a tenth of {@code spread}. */
    private static double niceStep(double spread) {
        double raw = spread / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
