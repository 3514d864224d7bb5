package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;

/**
 * The teacher's room board: how to join (link, code, QR code), then the live grid of learners ×
 * checks, who has been stuck how long, and the room's own numbers. The grid's rows arrive from the
 * board's event stream (site/board.js); every state is written in words as well as colour.
 */
public final class BoardPage {
    private BoardPage() {}

    /** A check column of the grid. */
    public record CheckColumn(String id, String lesson, String title) {}

    /**
     * What the board page shows besides the live grid.
     *
     * @param joinLink the link learners give their own lab
     * @param joinCode the code in it
     * @param qrSvg the join link as a QR code, SVG markup made by the lab (no text from learners)
     * @param checks the grid's columns, in lesson order
     * @param handout how to get the lab without internet, or null when the lab is not a jar
     * @param shared true when the lab also serves a room of browsers (its access token link)
     */
    public record Model(
            String joinLink,
            String joinCode,
            String qrSvg,
            List<CheckColumn> checks,
            JoinPage.Handout handout,
            boolean shared) {}

    public static String render(Model model, Layout.Chrome chrome) {
        return Layout.page(
                "Room board",
                chrome,
                link().withRel("stylesheet").withHref("/assets/room.css"),
                script().withSrc("/assets/board.js").attr("defer"),
                h1("Room board"),
                joinPanel(model),
                section(
                                h2("Learners and checks").withId("grid-title"),
                                p(
                                                span("Waiting for the board's stream…")
                                                        .attr("data-board-status"),
                                                text(" "),
                                                a("Download as CSV")
                                                        .withHref("/room/board/grid.csv"),
                                                text(" "),
                                                button("Clear the room")
                                                        .withType("button")
                                                        .attr("data-board-clear"))
                                        .withClass("board-tools"),
                                p(
                                        "Each cell says its state in words: ✓ passed, ✗ failed,"
                                                + " · not yet. ⚑ marks a learner who asked for"
                                                + " help; ★ one who is done."),
                                div(table(
                                                        caption(
                                                                "Latest verdict of every learner"
                                                                        + " for every check"),
                                                        thead(
                                                                tr(
                                                                        th("learner")
                                                                                .attr(
                                                                                        "scope",
                                                                                        "col"),
                                                                        th("OS").attr(
                                                                                        "scope",
                                                                                        "col"),
                                                                        th("flag")
                                                                                .attr(
                                                                                        "scope",
                                                                                        "col"),
                                                                        th("stuck for")
                                                                                .attr(
                                                                                        "scope",
                                                                                        "col"),
                                                                        each(
                                                                                model.checks(),
                                                                                c ->
                                                                                        th(abbr(c
                                                                                                                .id())
                                                                                                        .withTitle(
                                                                                                                c
                                                                                                                                .lesson()
                                                                                                                        + ": "
                                                                                                                        + c
                                                                                                                                .title()))
                                                                                                .attr(
                                                                                                        "scope",
                                                                                                        "col")
                                                                                                .attr(
                                                                                                        "data-board-check",
                                                                                                        c
                                                                                                                .id())))),
                                                        tbody().attr("data-board-rows"),
                                                        tfoot(
                                                                tr(
                                                                        th("passed")
                                                                                .attr(
                                                                                        "scope",
                                                                                        "row"),
                                                                        td(),
                                                                        td(),
                                                                        td(),
                                                                        each(
                                                                                model.checks(),
                                                                                c ->
                                                                                        td("0").attr(
                                                                                                        "data-passed",
                                                                                                        c
                                                                                                                .id())))))
                                                .withClass("board-grid"))
                                        .withClass("table-scroll")
                                        .attr("tabindex", "0")
                                        .attr("role", "region")
                                        .attr("aria-labelledby", "grid-title"))
                        .withClass("board"),
                section(
                                h2("The room's numbers"),
                                p(
                                        "Measured on each learner's own machine and sent with their"
                                                + " runs: compare them here instead of on the"
                                                + " whiteboard."),
                                div().attr("data-board-numbers"))
                        .withClass("board-numbers"));
    }

    private static DomContent joinPanel(Model model) {
        return section(
                        h2("Join this room"),
                        div(
                                        div(rawHtml(model.qrSvg()))
                                                .withClass("qr")
                                                .attr("role", "img")
                                                .attr("aria-label", "QR code of the join link"),
                                        div(
                                                p(
                                                        "On your own machine, start your lab and give it"
                                                                + " this link (Join a room, on its first page):"),
                                                Components.copyableCode(
                                                        "join link", "text", model.joinLink()),
                                                p(
                                                        text("Join code: "),
                                                        code(model.joinCode())
                                                                .withClass("join-code")),
                                                model.handout() == null
                                                        ? text("")
                                                        : JoinPage.handoutLine(model.handout()),
                                                p("The room is plain HTTP: use it on a network"
                                                                + " you trust, for the length of the workshop.")
                                                        .withClass("note")))
                                .withClass("join-body"))
                .withClass("join-panel")
                .attr("aria-label", "How to join this room");
    }
}
