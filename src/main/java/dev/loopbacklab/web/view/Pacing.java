package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.PresenterView;
import j2html.tags.DomContent;

/**
 * The step controls and the pacing timer the presenter and the speaker window share. The timer says
 * "on pace", "behind" (this step ran past its minutes, or the lesson is later than planned) or
 * "over" (past the lesson's minutes) in words as well as colour; presenter.js keeps it.
 */
final class Pacing {
    private Pacing() {}

    static DomContent bar(PresenterView view, int steps) {
        return div(
                        nav(
                                        button("← Previous")
                                                .withType("button")
                                                .withClass("step-prev")
                                                .attr("aria-label", "Previous step"),
                                        span(
                                                        text("Step "),
                                                        span("1").withClass("step-number"),
                                                        text(" of " + steps))
                                                .withClass("step-count"),
                                        button("Next →")
                                                .withType("button")
                                                .withClass("step-next")
                                                .attr("aria-label", "Next step"))
                                .withClass("step-nav")
                                .attr("aria-label", "Steps"),
                        div(
                                        span("0:00")
                                                .withClass("pace-step-time")
                                                .attr("role", "timer")
                                                .attr("aria-label", "Time in this step"),
                                        span(" in this step").withClass("pace-step-plan"),
                                        span(" · lesson ").withClass("pace-of"),
                                        span("0:00")
                                                .withClass("pace-total-time")
                                                .attr("role", "timer")
                                                .attr("aria-label", "Time in this lesson"),
                                        span(" of " + view.card().minutes() + " min")
                                                .withClass("pace-of"),
                                        span("on pace")
                                                .withClass("pace-state")
                                                .attr("data-state", "on-pace"),
                                        button("Restart timer")
                                                .withType("button")
                                                .withClass("pace-restart"))
                                .withClass("pace"),
                        p().withClass("step-announce visually-hidden").attr("aria-live", "polite"))
                .withClass("present-bar")
                .attr("data-lesson", view.card().id())
                .attr("data-lesson-minutes", String.valueOf(view.card().minutes()))
                .attr("data-steps", String.valueOf(steps));
    }

    /**
     * Where presenter.js shows the room's numbers for a step that runs an experiment the room
     * collects, while a room is open: tables in words and numbers, bars only repeating them.
     */
    static DomContent roomFigures() {
        return section(
                        h2("The room's numbers").withId("room-figures-title"),
                        p().withClass("room-figures-status"),
                        div().attr("data-room-figures"))
                .withClass("room-figures")
                .attr("aria-labelledby", "room-figures-title")
                .attr("hidden");
    }
}
