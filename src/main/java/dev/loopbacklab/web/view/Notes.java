package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.NotesView;
import j2html.tags.DomContent;

/**
 * Facilitator notes: the timing steps as a table, what to prepare, then the notes themselves. A
 * learner working alone finds them collapsed at the end of a lesson, marked as meant for teachers;
 * they never print with the lesson (print.css) and are not sent at all while the lab serves a room.
 */
public final class Notes {
    private Notes() {}

    /** The notes in a closed {@code <details>}, for the end of a lesson page. */
    public static DomContent collapsed(NotesView notes, String lessonHref) {
        return details(
                        summary(
                                text("Facilitator notes "),
                                span("for teachers").withClass("for-teachers")),
                        p("These notes are for whoever teaches this lesson to a room: timings, questions"
                                        + " to ask, and their answers.")
                                .withClass("notes-intro"),
                        p(
                                        a("Present this lesson").withHref(lessonHref + "/present"),
                                        text(" (with a speaker window) · "),
                                        a("Workshop agenda and printouts").withHref("/agenda"))
                                .withClass("notes-links"),
                        content(notes))
                .withClass("facilitator-notes");
    }

    /** The timing table, what to prepare and the notes' text. */
    public static DomContent content(NotesView notes) {
        return div(
                notes.steps().isEmpty() ? null : timing(notes),
                notes.prepareHtml() == null
                        ? null
                        : div(strong("Before the session: "), rawHtml(notes.prepareHtml()))
                                .withClass("notes-prepare"),
                notes.questions().isEmpty() ? null : questions(notes.questions()),
                div(rawHtml(notes.html())).withClass("notes-text"));
    }

    /** The questions to ask the room, each with its answer. */
    public static DomContent questions(java.util.List<Models.QuestionView> questions) {
        return div(
                        h3("Questions to ask the room"),
                        ol(
                                each(
                                        questions,
                                        q ->
                                                li(
                                                        p(rawHtml(q.askHtml())).withClass("ask"),
                                                        p(
                                                                        strong("Answer: "),
                                                                        rawHtml(q.answerHtml()))
                                                                .withClass("answer")))))
                .withClass("notes-questions");
    }

    /** The steps of the lesson with their minutes. */
    public static DomContent timing(NotesView notes) {
        return table(
                        caption("Timing: " + notes.minutes() + " minutes"),
                        thead(
                                tr(
                                        th("min").attr("scope", "col"),
                                        th("section").attr("scope", "col"),
                                        th("what").attr("scope", "col"))),
                        tbody(
                                each(
                                        notes.steps(),
                                        s ->
                                                tr(
                                                        td(String.valueOf(s.minutes()))
                                                                .withClass("num"),
                                                        td(
                                                                s.href() == null
                                                                        ? text(s.section())
                                                                        : a(s.section())
                                                                                .withHref(
                                                                                        s.href())),
                                                        td(rawHtml(s.whatHtml()))))))
                .withClass("notes-timing");
    }
}
