package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PortSample} as the lines a learner reads, the same whether shown as facts (one sweep) or
 * as a table with a column per sweep (a comparison).
 */
final class SampleLines {
    static final String DRAWN = "ports drawn";
    static final String DISTINCT = "distinct ports";
    static final String LOWEST = "lowest port";
    static final String HIGHEST = "highest port";
    static final String ODD = "odd ports";
    static final String EVEN = "even ports";
    static final String IN_IANA = "inside IANA's 49152–65535";
    static final String WORK = "work time";
    static final String EACH = "per port";

    private SampleLines() {}

    /**
     * One line.
     *
     * @param label what is counted
     * @param value the number, formatted
     * @param unit its unit, or empty
     */
    record Line(String label, String value, String unit) {
        String withUnit() {
            return unit.isEmpty() ? value : value + " " + unit;
        }
    }

    /** The label of the "inside the OS range" line, which names the range. */
    static String inRange(EphemeralRange range) {
        return "inside the OS range " + range.span();
    }

    static List<Line> lines(PortSample s, EphemeralRange range) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(DRAWN, number(s.count()), ""));
        lines.add(new Line(DISTINCT, number(s.distinct()), ""));
        lines.add(new Line(LOWEST, Integer.toString(s.lowest()), ""));
        lines.add(new Line(HIGHEST, Integer.toString(s.highest()), ""));
        lines.add(new Line(ODD, number(s.odd()), ""));
        lines.add(new Line(EVEN, number(s.even()), ""));
        lines.add(new Line(inRange(range), withShare(s.insideRange(), s.count()), ""));
        lines.add(new Line(IN_IANA, withShare(s.insideIana(), s.count()), ""));
        lines.add(new Line(WORK, String.format(Locale.ROOT, "%.1f", s.millis()), "ms"));
        lines.add(new Line(EACH, String.format(Locale.ROOT, "%.1f", s.microsEach()), "µs"));
        return lines;
    }

    /** Emits one sample as facts. */
    static void facts(Report report, PortSample sample, EphemeralRange range) {
        for (Line line : lines(sample, range)) {
            report.fact(line.label(), line.value(), line.unit(), "");
        }
    }

    /** Rows of a comparison table: a label column, then one column per sample. */
    static List<List<String>> rows(EphemeralRange range, List<PortSample> samples) {
        List<List<String>> rows = new ArrayList<>();
        List<List<Line>> columns = new ArrayList<>();
        samples.forEach(s -> columns.add(lines(s, range)));
        for (int r = 0; r < columns.get(0).size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(columns.get(0).get(r).label());
            for (List<Line> column : columns) {
                row.add(column.get(r).withUnit());
            }
            rows.add(row);
        }
        return rows;
    }

    static String number(long n) {
        return Numbers.whole(n);
    }

    /** Like {@code "9,990 (99.9%)"}. */
    static String withShare(int part, int whole) {
        return Numbers.whole(part) + " (" + Numbers.decimal(100.0 * part / whole, 1) + "%)";
    }
}
