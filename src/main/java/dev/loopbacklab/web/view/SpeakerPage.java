package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.PresenterView;
import dev.loopbacklab.web.view.Models.Slide;
import java.util.List;

/**
 * {@code /lessons/<id>/speaker}: the teacher's second window. It follows the presenter (and the
 * presenter follows it): the current step's timing and questions with their answers, the next step,
 * the pacing timer, and the lesson's whole notes.
 */
public final class SpeakerPage {
    private SpeakerPage() {}

    public static String render(PresenterView view, Layout.Chrome chrome) {
        List<Slide> slides = view.slides();
        return Layout.teachingPage(
                "Speaker: " + view.card().title(),
                chrome,
                "teach speaker",
                h1("Speaker notes: " + view.card().title()),
                Pacing.bar(view, slides.size()),
                div(each(
                                slides,
                                slide -> {
                                    int i = slides.indexOf(slide);
                                    return section(
                                                    p(i == 0 ? "Now" : "Later")
                                                            .withClass("speaker-label"),
                                                    h2((i + 1) + ". " + slide.title()),
                                                    p(slide.minutes() == 0
                                                                    ? "Not timed."
                                                                    : slide.minutes()
                                                                            + " min planned.")
                                                            .withClass("speaker-minutes"),
                                                    slide.steps().isEmpty()
                                                            ? null
                                                            : ul(
                                                                    each(
                                                                            slide.steps(),
                                                                            s ->
                                                                                    li(
                                                                                            strong(
                                                                                                    s
                                                                                                                    .minutes()
                                                                                                            + " min: "),
                                                                                            rawHtml(
                                                                                                    s
                                                                                                            .whatHtml())))),
                                                    slide.questions().isEmpty()
                                                            ? null
                                                            : Notes.questions(slide.questions()))
                                            .withClass("speaker-step")
                                            .attr("data-step", String.valueOf(i))
                                            .attr(
                                                    "data-room-experiments",
                                                    String.join(" ", slide.roomExperiments()));
                                }))
                        .withClass("speaker-steps"),
                Pacing.roomFigures(),
                view.notes() == null
                        ? p("This lesson has no facilitator notes.")
                        : details(summary("All notes for this lesson"), Notes.content(view.notes()))
                                .withClass("speaker-all-notes"));
    }
}
