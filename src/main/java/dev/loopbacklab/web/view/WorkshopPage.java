package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

/**
 * The learner's side of a workshop, on their own lab: join a teacher's room with its link and a
 * nickname, put up "need help" or "done", leave, and see word for word what was sent to the room.
 * site/workshop.js does the talking; this page only lays it out.
 */
public final class WorkshopPage {
    private WorkshopPage() {}

    public static String render(Layout.Chrome chrome) {
        return Layout.page(
                "Workshop",
                chrome,
                link().withRel("stylesheet").withHref("/assets/room.css"),
                script().withSrc("/assets/workshop.js").attr("defer"),
                h1("Workshop room"),
                p(
                        "Join your teacher's room from this lab. Your runs still happen here, on your"
                                + " machine; after you join, this lab sends the room a short summary of"
                                + " each check (its id, passed or not, your OS family) and a few numbers"
                                + " the room compares (such as your loopback round-trip median). Never"
                                + " process tables, user names, paths or addresses."),
                form(
                                div(
                                                label("Room link (from the teacher's screen)")
                                                        .attr("for", "room-link"),
                                                input().withId("room-link")
                                                        .withName("link")
                                                        .withType("url")
                                                        .attr("autocomplete", "off")
                                                        .attr(
                                                                "placeholder",
                                                                "http://192.0.2.10:62893/join?code=…"))
                                        .withClass("field"),
                                div(
                                                label("Nickname (shown on the board)")
                                                        .attr("for", "room-nickname"),
                                                input().withId("room-nickname")
                                                        .withName("nickname")
                                                        .withType("text")
                                                        .attr("maxlength", "24"))
                                        .withClass("field"),
                                button("Join").withType("submit"),
                                p().withClass("form-error")
                                        .attr("data-room-error")
                                        .attr("role", "alert"))
                        .attr("data-room-join")
                        .attr("aria-label", "Join a room"),
                section(
                                h2("In the room"),
                                p().attr("data-room-status").attr("role", "status"),
                                div(
                                                button("⚑ I need help")
                                                        .withType("button")
                                                        .attr("data-room-flag", "help"),
                                                button("★ I'm done")
                                                        .withType("button")
                                                        .attr("data-room-flag", "done"),
                                                button("Take my flag down")
                                                        .withType("button")
                                                        .attr("data-room-flag", "none"),
                                                button("Leave the room")
                                                        .withType("button")
                                                        .attr("data-room-leave"))
                                        .withClass("room-buttons"))
                        .attr("data-room-joined")
                        .attr("hidden"),
                section(
                                h2("Teaching? Open a room on this lab"),
                                p(
                                        "A room collects your learners' verdicts and numbers on a"
                                                + " live board. Learners on other machines reach"
                                                + " this lab only if it listens on the network:"
                                                + " start it with serve --host 0.0.0.0"
                                                + " --open-room. The board's link carries its own"
                                                + " token: keep it to yourself."),
                                button("Open a room").withType("button").attr("data-room-open"),
                                p().attr("data-room-opened").attr("role", "status"))
                        .withClass("teacher-room"),
                section(
                        h2("Sent to the room"),
                        p(
                                "Everything this lab sent, newest first, exactly as sent (the seat's secret"
                                        + " travels in a header and is not shown)."),
                        ol().attr("data-room-sent")));
    }
}
