package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

/**
 * The page a room's shared link lands on: the token is now in a cookie, and this page moves on to
 * the same address without it. A meta refresh rather than an HTTP redirect, because a browser that
 * arrived from another site (a chat, a mail) would not send a SameSite=Strict cookie along a
 * redirect of that same navigation; the refresh is a new navigation started by the lab's own page.
 */
public final class EnterPage {
    private EnterPage() {}

    /** The page; {@code next} must be a path on this lab (starting with a single {@code /}). */
    public static String render(String next) {
        return document(
                html(
                                head(
                                        meta().withCharset("utf-8"),
                                        meta().attr("http-equiv", "refresh")
                                                .withContent("0; url=" + next),
                                        title("Entering · Loopback Lab"),
                                        link().withRel("stylesheet").withHref("/assets/lab.css")),
                                body(
                                        main(
                                                p(
                                                        text(
                                                                "Your access is saved in this browser. "),
                                                        a("Continue to the lab").withHref(next)))))
                        .attr("lang", "en"));
    }
}
