package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.lesson.Event;
import j2html.tags.DomContent;

/** Renders report events as HTML fragments, appended to a panel's results as they arrive. */
public final class EventHtml {
    private EventHtml() {}

    /** The fragment for one event. */
    public static String render(Event event) {
        return fragment(event).render();
    }

    static DomContent fragment(Event event) {
        if (event instanceof Event.Narration e) {
            return p(InlineCode.of(e.text())).withClass("event-narration");
        } else if (event instanceof Event.Fact e) {
            return div(
                            span(e.label()).withClass("fact-label"),
                            span(e.value() + (e.unit().isEmpty() ? "" : " " + e.unit()))
                                    .withClass("fact-value"),
                            iff(
                                    !e.note().isEmpty(),
                                    span(InlineCode.of(e.note())).withClass("fact-note")))
                    .withClass("event-fact");
        } else if (event instanceof Event.Table e) {
            return div(table(
                            caption(e.caption()),
                            thead(tr(each(e.headers(), h -> th(h).attr("scope", "col")))),
                            tbody(each(e.rows(), row -> tr(each(row, EventHtml::cell))))))
                    .withClass("event-table");
        } else if (event instanceof Event.Progress e) {
            return div(
                            progress().attr("max", "100").withValue(Integer.toString(e.percent())),
                            span(e.label() + " " + e.percent() + "%"))
                    .withClass("event-progress");
        } else if (event instanceof Event.Chart e) {
            return ChartSvg.figure(e);
        } else if (event instanceof Event.Verdict e) {
            return div(
                            strong((e.passed() ? "Passed: " : "Not yet: ") + e.summary()),
                            iff(!e.details().isEmpty(), ul(each(e.details(), d -> li(detail(d))))))
                    .withClass(e.passed() ? "event-verdict pass" : "event-verdict fail")
                    .attr("role", "status");
        } else if (event instanceof Event.Warning e) {
            return div(strong("Note: "), each(InlineCode.of(e.text())))
                    .withClass("event-warning")
                    .attr("role", "note");
        } else if (event instanceof Event.Failure e) {
            return div(strong("Error: "), text(e.message()))
                    .withClass("event-error")
                    .attr("role", "alert");
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /**
     * A table cell: an outcome is coloured (its words stay); a long text is given room, so that a
     * table squeezed onto a phone scrolls instead of standing one word per line.
     */
    private static DomContent cell(String text) {
        String outcome = Outcome.classOf(text);
        String classes =
                (outcome == null ? "" : outcome)
                        + (text.length() > LONG_CELL
                                ? (outcome == null ? "" : " ") + "long-text"
                                : "");
        return classes.isEmpty() ? td(text) : td(text).withClass(classes);
    }

    /** Characters past which a cell is prose rather than a value. */
    private static final int LONG_CELL = 40;

    private static DomContent[] detail(String line) {
        DomContent[] outcome = Outcome.detail(line);
        return outcome != null ? outcome : InlineCode.of(line);
    }
}
