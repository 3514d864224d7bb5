package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.LessonView;
import java.util.List;

/** {@code /lessons/<id>}: one lesson with its table of contents, panels and scripts. */
public final class LessonPage {
    private LessonPage() {}

    public static String render(LessonView lesson, Layout.Chrome chrome) {
        return Layout.page(
                lesson.card().title(),
                chrome,
                article(
                                header(
                                                p(
                                                                text(
                                                                        "Lesson "
                                                                                + lesson.card()
                                                                                        .numberText()),
                                                                span(
                                                                        " · "
                                                                                + lesson.card()
                                                                                        .minutes()
                                                                                + " min"),
                                                                span().withClass("lesson-done")
                                                                        .attr(
                                                                                "data-done-for",
                                                                                lesson.card().id()))
                                                        .withClass("lesson-meta"),
                                                h1(lesson.card().title()),
                                                p(lesson.card().summary())
                                                        .withClass("lesson-summary"),
                                                div(
                                                                h2("You will"),
                                                                ul(
                                                                        each(
                                                                                lesson.objectives(),
                                                                                o -> li(o))))
                                                        .withClass("objectives"),
                                                button("Reset this lesson")
                                                        .withType("button")
                                                        .withClass("lesson-reset")
                                                        .attr(
                                                                "data-progress-reset",
                                                                lesson.card().id())
                                                        .attr("hidden"),
                                                p().withClass("progress-message")
                                                        .attr("role", "status")
                                                        .attr("data-progress-message"))
                                        .withClass("lesson-header"),
                                toc(lesson.toc()),
                                div(rawHtml(lesson.bodyHtml())).withClass("lesson-body"),
                                iff(!lesson.scripts().isEmpty(), scripts(lesson.scripts())),
                                lesson.notes() == null
                                        ? null
                                        : Notes.collapsed(lesson.notes(), lesson.card().href()),
                                Components.prevNext(lesson.previous(), lesson.next()))
                        .withClass("lesson")
                        .attr("data-lesson", lesson.card().id())
                        .attr("data-checks", String.join(" ", lesson.card().checkIds())));
    }

    /**
     * The headings of the page as a navigation landmark named by its own heading. It follows the
     * lesson's header in the reading order; lab.css sets it beside the text, sticky, on wide
     * screens, and lab.js marks the section being read with {@code aria-current}.
     */
    private static j2html.tags.DomContent toc(List<Models.TocEntry> toc) {
        if (toc.isEmpty()) {
            return null;
        }
        return nav(
                        h2("On this page").withId("toc-title"),
                        ol(
                                each(
                                        toc,
                                        t ->
                                                li(a(t.text()).withHref("#" + t.anchor()))
                                                        .withClass("toc-level-" + t.level()))))
                .withClass("toc")
                .attr("aria-labelledby", "toc-title");
    }

    private static j2html.tags.DomContent scripts(List<Models.Script> scripts) {
        return section(
                        h2("Do it by hand in JShell"),
                        p(
                                "Each script below repeats this lesson's steps with the lab's toolkit. Run it with the "
                                        + "command above it: it prints what each step shows, then leaves you in "
                                        + "JShell with what it made (/exit leaves). Or paste it into JShell piece "
                                        + "by piece."),
                        each(
                                scripts,
                                s ->
                                        div(
                                                h3(code(s.fileName())),
                                                Components.copyableCode(
                                                        "Command", "bash", s.command()),
                                                Components.copyableCode(
                                                        "JShell script", "java", s.text()))))
                .withClass("lesson-scripts")
                .withId("jshell-scripts");
    }
}
