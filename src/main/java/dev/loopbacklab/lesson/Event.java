package dev.loopbacklab.lesson;

import dev.loopbacklab.net.Numbers;
import java.util.List;

/**
 * One thing an experiment reports. Experiments never produce HTML or terminal escapes; each front
 * end (web page, terminal, JSON) renders these records its own way.
 */
public sealed interface Event
        permits Event.Narration,
                Event.Fact,
                Event.Table,
                Event.Progress,
                Event.Chart,
                Event.Verdict,
                Event.Warning,
                Event.Failure {

    /** The short lower-case name of this kind of event, as used in JSON and SSE. */
    String type();

    /** A sentence of explanation. */
    record Narration(String text) implements Event {
        public String type() {
            return "narration";
        }
    }

    /** A measured or observed value, e.g. "source port" = "51234" with a note "ephemeral". */
    record Fact(String label, String value, String unit, String note) implements Event {
        public Fact {
            unit = unit == null ? "" : unit;
            note = note == null ? "" : note;
        }

        public String type() {
            return "fact";
        }
    }

    /** A small table; every row has as many cells as there are headers. */
    record Table(String caption, List<String> headers, List<List<String>> rows) implements Event {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException(
                            "row " + row + " does not match headers " + headers);
                }
            }
        }

        public String type() {
            return "table";
        }
    }

    /** How far a long run has come. */
    record Progress(long done, long total, String label) implements Event {
        public String type() {
            return "progress";
        }

        /** Completion from 0 to 100. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /**
     * A bar chart or histogram. Bars marked {@code highlight} are drawn in a second colour (for
     * example the part of a histogram that lies inside IANA's range).
     */
    record Chart(String title, String xLabel, String yLabel, List<Bar> bars, String legend)
            implements Event {
        public Chart {
            bars = List.copyOf(bars);
            legend = legend == null ? "" : legend;
        }

        public String type() {
            return "chart";
        }

        /** The largest bar value, at least 1, to scale the drawing. */
        public double maxValue() {
            return Math.max(1, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        }

        /** The chart as plain text, for screen readers, terminals and print. */
        public String textAlternative() {
            StringBuilder text = new StringBuilder(title).append(": ");
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                text.append(i == 0 ? "" : "; ")
                        .append(bar.label())
                        .append(" = ")
                        .append(bar.display());
            }
            return text.toString();
        }
    }

    /** One bar of a {@link Chart}. */
    record Bar(String label, double value, boolean highlight) {
        /** The value as shown to a learner: whole numbers without a decimal point. */
        public String display() {
            return value == Math.rint(value)
                    ? Numbers.whole((long) value)
                    : Numbers.decimal(value, 1);
        }
    }

    /** How a check ended: passed or not, with what was found. */
    record Verdict(boolean passed, String summary, List<String> details) implements Event {
        public Verdict {
            details = List.copyOf(details);
        }

        public String type() {
            return "verdict";
        }
    }

    /** Something the learner should notice, e.g. "IPv6 is not available here; rows skipped". */
    record Warning(String text) implements Event {
        public String type() {
            return "warning";
        }
    }

    /** The run failed; the message is for a learner, never a stack trace. */
    record Failure(String message) implements Event {
        public String type() {
            return "error";
        }
    }
}
