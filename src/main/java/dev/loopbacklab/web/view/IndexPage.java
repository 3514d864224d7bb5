package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.LessonCard;
import java.util.List;

/** {@code /}: the lesson path. */
public final class IndexPage {
    private IndexPage() {}

    public static String render(List<LessonCard> lessons, Layout.Chrome chrome) {
        int minutes = lessons.stream().mapToInt(LessonCard::minutes).sum();
        return Layout.page(
                "Loopback Lab",
                chrome,
                section(
                                h1("How programs talk to themselves"),
                                p(
                                        text("This lab runs on "),
                                        strong("your"),
                                        text(
                                                " machine and answers from it: every "
                                                        + "Run button below executes real networking code on 127.0.0.1 and shows what "
                                                        + "your operating system did.")),
                                p(lessons.size()
                                                + " lessons · about "
                                                + minutes
                                                + " minutes in all")
                                        .withClass("path-meta"))
                        .withClass("intro"),
                section(h2("The lesson path"), Components.lessonList(lessons)).withClass("path"),
                // the path first; keeping, moving or resetting progress is a quiet tool below it
                section(
                                div(
                                                span().withClass("overall-progress")
                                                        .attr("data-overall-progress"),
                                                button("Export progress")
                                                        .withType("button")
                                                        .attr("data-progress-export"),
                                                label(
                                                        text("Import progress "),
                                                        input().withType("file")
                                                                .attr("accept", "application/json")
                                                                .attr("data-progress-import")),
                                                button("Reset all progress")
                                                        .withType("button")
                                                        .attr("data-progress-reset-all"),
                                                p().withClass("progress-message")
                                                        .attr("role", "status")
                                                        .attr("data-progress-message"))
                                        .withClass("progress-tools")
                                        .attr("hidden"))
                        .withClass("progress-box")
                        .attr("aria-label", "Your progress in this browser"));
    }
}
