package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.HandoutView;

/**
 * {@code /facilitator}: the teacher's printout for a plan: the agenda, what to prepare, and per
 * lesson its timing, the questions with their answers, and the notes.
 */
public final class FacilitatorPage {
    private FacilitatorPage() {}

    public static String render(HandoutView view, Layout.Chrome chrome) {
        return Layout.teachingPage(
                "Facilitator printout",
                chrome,
                "teach handout facilitator",
                h1("Loopback Lab: facilitator printout"),
                p(view.agenda().start()
                                + " to "
                                + view.agenda().end()
                                + ", "
                                + view.agenda().minutes()
                                + " minutes with breaks.")
                        .withClass("handout-intro"),
                section(h2("Agenda"), AgendaPage.table(view.agenda())).withClass("handout-section"),
                iff(
                        !view.agenda().prepare().isEmpty(),
                        section(
                                        h2("Before the session"),
                                        ul(
                                                each(
                                                        view.agenda().prepare(),
                                                        p ->
                                                                li(
                                                                        strong(
                                                                                p.lesson().title()
                                                                                        + ": "),
                                                                        rawHtml(p.html())))))
                                .withClass("handout-section")),
                each(
                        view.lessons(),
                        lesson ->
                                section(
                                                h2(
                                                        lesson.card().numberText()
                                                                + " "
                                                                + lesson.card().title()),
                                                lesson.notes() == null
                                                        ? p("No notes for this lesson.")
                                                        : Notes.content(lesson.notes()))
                                        .withClass("handout-lesson facilitator-lesson")));
    }
}
