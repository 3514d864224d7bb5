package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.PresenterView;
import dev.loopbacklab.web.view.Models.QuestionView;
import dev.loopbacklab.web.view.Models.Slide;
import j2html.tags.DomContent;
import java.util.List;

/**
 * {@code /lessons/<id>/present}: the lesson for a projector, one section per step in big type, with
 * its live Run panels, a pacing timer and the room's questions revealed one at a time. It shows no
 * facilitator notes and not the next step: those are in the speaker window. presenter.js does the
 * stepping; without it every step shows, one after another.
 */
public final class PresenterPage {
    private PresenterPage() {}

    public static String render(PresenterView view, Layout.Chrome chrome) {
        List<Slide> slides = view.slides();
        return Layout.teachingPage(
                "Present: " + view.card().title(),
                chrome,
                "teach presenter",
                div(
                                h1(view.card().title()).withClass("present-title"),
                                Pacing.bar(view, slides.size()),
                                div(
                                                a("Open the speaker window")
                                                        .withHref(view.speakerHref())
                                                        .withTarget("lab-speaker")
                                                        .withClass("open-speaker"),
                                                text(" · "),
                                                a("Back to the lesson")
                                                        .withHref(view.card().href()))
                                        .withClass("present-links"))
                        .withClass("present-top"),
                each(
                        slides,
                        slide ->
                                step(
                                        view,
                                        slides.indexOf(slide),
                                        slide,
                                        slides.indexOf(slide) == 0)),
                Pacing.roomFigures(),
                p("Keys: → or Page Down for the next step, ← or Page Up for the previous, Home and"
                                + " End for the first and last. In a form field the keys work as usual.")
                        .withClass("present-help"));
    }

    private static DomContent step(PresenterView view, int index, Slide slide, boolean first) {
        String headingId = "present-step-" + index + "-title";
        return section(
                        first
                                ? div(
                                        h2(slide.title()).withId(headingId).attr("tabindex", "-1"),
                                        p(view.card().summary()).withClass("lesson-summary"),
                                        h3("You will"),
                                        ul(each(view.objectives(), o -> li(o))))
                                : null,
                        rawHtml(first ? slide.html() : withHeadingId(slide.html(), headingId)),
                        slide.questions().isEmpty() ? null : questions(index, slide.questions()))
                .withClass("present-step")
                .attr("data-step", String.valueOf(index))
                .attr("data-minutes", String.valueOf(slide.minutes()))
                .attr("data-title", slide.title())
                .attr("data-room-experiments", String.join(" ", slide.roomExperiments()))
                .attr("aria-labelledby", headingId);
    }

    /**
     * The section's own {@code <h2>} gets the step's id and can take focus, so moving to a step
     * moves a screen reader there too.
     */
    private static String withHeadingId(String html, String id) {
        int at = html.indexOf("<h2");
        if (at < 0) {
            return html;
        }
        int idAt = html.indexOf(" id=\"", at);
        int close = html.indexOf('>', at);
        if (idAt > 0 && idAt < close) {
            int end = html.indexOf('"', idAt + 5);
            return html.substring(0, idAt + 5)
                    + id
                    + html.substring(end, close)
                    + " tabindex=\"-1\""
                    + html.substring(close);
        }
        return html.substring(0, at + 3)
                + " id=\""
                + id
                + "\" tabindex=\"-1\""
                + html.substring(at + 3);
    }

    private static DomContent questions(int step, List<QuestionView> questions) {
        return aside(
                        h3("Question for the room"),
                        ol(
                                each(
                                        questions,
                                        q ->
                                                li(
                                                                p(rawHtml(q.askHtml()))
                                                                        .withClass("ask"),
                                                                details(
                                                                                summary(
                                                                                        "Show the answer"),
                                                                                p(
                                                                                        rawHtml(
                                                                                                q
                                                                                                        .answerHtml())))
                                                                        .withClass("answer"))
                                                        .withClass("question"))),
                        button("Next question")
                                .withType("button")
                                .withClass("next-question")
                                .attr("hidden"))
                .withClass("present-questions")
                .attr("aria-label", "Questions for the room, step " + (step + 1));
    }
}
