package dev.loopbacklab.cli;

import dev.loopbacklab.lesson.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text renderings of report events, for terminals and JShell. */
public final class TerminalText {
    private static final int BAR_WIDTH = 30;

    private TerminalText() {}

    /** The text for one event, ending with a newline. */
    public static String render(Event event) {
        if (event instanceof Event.Narration e) {
            return e.text() + "\n";
        } else if (event instanceof Event.Fact e) {
            return "  "
                    + e.label()
                    + ": "
                    + e.value()
                    + (e.unit().isEmpty() ? "" : " " + e.unit())
                    + (e.note().isEmpty() ? "" : "  (" + e.note() + ")")
                    + "\n";
        } else if (event instanceof Event.Table e) {
            return table(e);
        } else if (event instanceof Event.Progress e) {
            return bar(e) + "\n";
        } else if (event instanceof Event.Chart e) {
            return chart(e);
        } else if (event instanceof Event.Verdict e) {
            StringBuilder text =
                    new StringBuilder(e.passed() ? "PASS: " : "NOT YET: ")
                            .append(e.summary())
                            .append('\n');
            e.details().forEach(d -> text.append("  - ").append(d).append('\n'));
            return text.toString();
        } else if (event instanceof Event.Warning e) {
            return "Note: " + e.text() + "\n";
        } else if (event instanceof Event.Failure e) {
            return "Error: " + e.message() + "\n";
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /** A progress bar like {@code [#########.....] 60% sweeping}. */
    static String bar(Event.Progress p) {
        int filled = p.percent() * BAR_WIDTH / 100;
        return "["
                + "#".repeat(filled)
                + ".".repeat(BAR_WIDTH - filled)
                + "] "
                + String.format(Locale.ROOT, "%3d%%", p.percent())
                + " "
                + p.label();
    }

    private static String table(Event.Table t) {
        List<List<String>> all = new ArrayList<>();
        all.add(t.headers());
        all.addAll(t.rows());
        int[] widths = new int[t.headers().size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
            }
        }
        StringBuilder text = new StringBuilder(t.caption()).append('\n');
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)))
                        .append(i + 1 < row.size() ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder("  ");
                for (int i = 0; i < widths.length; i++) {
                    rule.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "");
                }
                text.append(rule).append('\n');
            }
        }
        return text.toString();
    }

    private static String chart(Event.Chart c) {
        StringBuilder text =
                new StringBuilder(c.title())
                        .append(" (")
                        .append(c.yLabel())
                        .append(" by ")
                        .append(c.xLabel())
                        .append(")\n");
        int labelWidth = c.bars().stream().mapToInt(b -> b.label().length()).max().orElse(1);
        double max = c.maxValue();
        for (Event.Bar bar : c.bars()) {
            int length = (int) Math.round(bar.value() / max * 40);
            text.append(String.format(Locale.ROOT, "  %" + labelWidth + "s |", bar.label()))
                    .append((bar.highlight() ? "=" : "#").repeat(length))
                    .append(' ')
                    .append(bar.display())
                    .append('\n');
        }
        if (!c.legend().isEmpty()) {
            text.append("  ").append(c.legend()).append('\n');
        }
        return text.toString();
    }
}
