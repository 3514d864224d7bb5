package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.web.view.Models.Field;
import dev.loopbacklab.web.view.Models.Panel;
import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import java.util.List;
import java.util.Locale;

/** Pieces several pages share: panels, copyable code, lesson cards, previous/next links. */
public final class Components {
    private Components() {}

    /** An experiment or check panel: form, Run and Stop, progress and results. */
    public static DomContent panel(Panel panel) {
        String kind = panel.check() ? "Check" : "Experiment";
        String titleId = "panel-" + panel.id() + "-title";
        return section(
                        header(
                                span(kind).withClass("panel-kind"),
                                h3(panel.title()).withId(titleId),
                                code(panel.id()).withClass("panel-id")),
                        p(panel.description()).withClass("panel-description"),
                        panel.sharedLabNote() == null
                                ? text("")
                                : p(
                                                strong("For the teacher only in this shared lab. "),
                                                text(panel.sharedLabNote()))
                                        .withClass("shared-lab-note"),
                        form(
                                        each(panel.fields(), field -> field(panel.id(), field)),
                                        div(
                                                        button(panel.check() ? "Check" : "Run")
                                                                .withType("submit")
                                                                .withClass("run"),
                                                        button("Stop")
                                                                .withType("button")
                                                                .withClass("stop")
                                                                .attr("disabled"))
                                                .withClass("panel-buttons"))
                                .withClass("panel-form")
                                .attr("novalidate")
                                .attr("aria-label", kind + " " + panel.title()),
                        div(
                                        progress().attr("max", "100").withValue("0"),
                                        span().withClass("progress-label"))
                                .withClass("run-progress")
                                .attr("hidden"),
                        div().withClass("results").attr("aria-live", "polite"),
                        p(
                                        text(
                                                "Live results need JavaScript. You can run this from a terminal instead: "),
                                        code(
                                                LabCommand.with(
                                                        (panel.check() ? "check " : "run ")
                                                                + panel.id())))
                                .withClass("no-js-note"),
                        // print.css shows it when the panel has no result to print
                        p(
                                        text("Not run yet. From a terminal: "),
                                        code(
                                                LabCommand.with(
                                                        (panel.check() ? "check " : "run ")
                                                                + panel.id())))
                                .withClass("panel-cli"))
                .withClass(panel.check() ? "panel panel-check" : "panel")
                .attr(panel.check() ? "data-check" : "data-experiment", panel.id())
                .attr("aria-labelledby", titleId);
    }

    private static DivTag field(String panelId, Field field) {
        String id = panelId + "-" + field.name();
        String describedBy = id + "-help " + id + "-error";
        DomContent input =
                field.kind() == ParamSpec.Kind.BOOLEAN
                        ? input().withType("checkbox")
                                .withId(id)
                                .withName(field.name())
                                .withValue("true")
                                .withCondChecked(field.value().equals("true"))
                                .attr("aria-describedby", describedBy)
                        : input().withType("text")
                                .withId(id)
                                .withName(field.name())
                                .withValue(field.value() == null ? "" : field.value())
                                .attr(
                                        "inputmode",
                                        field.kind() == ParamSpec.Kind.INTEGER
                                                        || field.kind() == ParamSpec.Kind.PORT
                                                ? "numeric"
                                                : "text")
                                .attr("autocomplete", "off")
                                .attr("spellcheck", "false")
                                .withCondRequired(field.required())
                                .attr("aria-describedby", describedBy);
        return div(
                        label(FieldWords.label(field)).withFor(id),
                        input,
                        small(FieldWords.bounds(field))
                                .withId(id + "-help")
                                .withClass("field-help"),
                        small().withId(id + "-error")
                                .withClass("field-error")
                                .attr("role", "alert")
                                .attr("hidden"))
                .withClass("field field-" + field.kind().name().toLowerCase(Locale.ROOT))
                .attr("data-field", field.name());
    }

    /** A code block with a copy button; {@code label} says what it is (e.g. "JShell"). */
    public static DomContent copyableCode(String label, String language, String code) {
        return div(
                        div(
                                        span(label).withClass("code-label"),
                                        button("Copy")
                                                .withType("button")
                                                .withClass("copy")
                                                .attr("data-copy", ""))
                                .withClass("code-bar"),
                        pre(code(code).withClass("language-" + language)))
                .withClass("code-block");
    }

    /** A panel placeholder for a block that names something the lab does not have. */
    public static DomContent missing(String kind, String id) {
        return div(
                        text(
                                "This lesson refers to "
                                        + (kind.equals("experiment") ? "an " : "a ")
                                        + kind
                                        + " named "),
                        code(id),
                        text(" that does not exist."))
                .withClass("event-error")
                .attr("role", "note");
    }

    /** The list of lessons on the path. */
    public static DomContent lessonList(List<Models.LessonCard> cards) {
        return ol(each(
                        cards,
                        card ->
                                li(
                                                a(
                                                                span(card.numberText())
                                                                        .withClass("lesson-number"),
                                                                text(" " + card.title()))
                                                        .withHref(card.href()),
                                                span(card.minutes() + " min")
                                                        .withClass("lesson-minutes"),
                                                span().withClass("lesson-done")
                                                        .attr("data-done-for", card.id()),
                                                p(card.summary()).withClass("lesson-summary"))
                                        .withClass("lesson-card")
                                        .attr("data-lesson", card.id())
                                        .attr("data-checks", String.join(" ", card.checkIds()))))
                .withClass("lesson-list");
    }

    /** Previous and next links at the foot of a lesson. */
    public static DomContent prevNext(Models.LessonCard previous, Models.LessonCard next) {
        return nav(
                        iff(
                                previous != null,
                                previous == null
                                        ? null
                                        : a(
                                                        span("← Previous").withClass("pn-label"),
                                                        text(" " + previous.title()))
                                                .withHref(previous.href())
                                                .withClass("prev")
                                                .attr("rel", "prev")),
                        iff(
                                next != null,
                                next == null
                                        ? null
                                        : a(
                                                        span("Next →").withClass("pn-label"),
                                                        text(" " + next.title()))
                                                .withHref(next.href())
                                                .withClass("next")
                                                .attr("rel", "next")))
                .withClass("prev-next")
                .attr("aria-label", "Previous and next lesson");
    }
}
