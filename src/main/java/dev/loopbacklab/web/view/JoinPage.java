package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;

/**
 * What a learner's browser sees when they open the room's join link: the room runs on their own
 * machine, so they start their own lab and give it the link; if they have no lab yet, the teacher's
 * lab hands out its own jar, with its SHA-256 and the exact command.
 */
public final class JoinPage {
    private JoinPage() {}

    /**
     * The lab's own jar, served by the teacher's lab.
     *
     * @param path where to download it
     * @param sha256 its digest in hex
     * @param bytes its size
     */
    public record Handout(String path, String sha256, long bytes) {}

    public static String render(String joinLink, Handout handout, Layout.Chrome chrome) {
        return Layout.page(
                "Join the room",
                chrome,
                link().withRel("stylesheet").withHref("/assets/room.css"),
                h1("Join the room"),
                p(
                        "In this workshop every Run and Check happens on your own machine, so your"
                                + " results are your machine's. You join with your own lab:"),
                ol(
                        li(
                                text("Start your lab: "),
                                code("java -jar loopback-lab.jar serve --join " + joinLink)),
                        li(
                                text("Or, if it runs already, open "),
                                a("http://127.0.0.1:62893/workshop")
                                        .withHref("http://127.0.0.1:62893/workshop"),
                                text(" and paste the link there.")),
                        li("Pick a nickname; no account, no e-mail.")),
                Components.copyableCode("join link", "text", joinLink),
                handout == null
                        ? p(
                                "No lab yet? The teacher's lab has no jar to hand out just now: ask for"
                                        + " one on a USB stick.")
                        : section(h2("No lab yet?"), handoutLine(handout)),
                p("The room is plain HTTP on this local network: what your lab sends"
                                + " is listed on its workshop page, word for word.")
                        .withClass("note"));
    }

    /** The jar link, its size and SHA-256, and the command. */
    public static DomContent handoutLine(Handout handout) {
        return div(
                        p(
                                a("Download loopback-lab.jar")
                                        .withHref(handout.path())
                                        .attr("download"),
                                text(
                                        " ("
                                                + (handout.bytes() / (1024 * 1024))
                                                + " MB), served by this lab: no internet needed.")),
                        p(text("SHA-256: "), code(handout.sha256()).withClass("digest")),
                        p(
                                text("Run it with Java 17 or newer: "),
                                code("java -jar loopback-lab.jar")))
                .withClass("handout");
    }
}
