package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

/** Not-found, forbidden and error pages: a plain message and a way back. */
public final class MessagePage {
    private MessagePage() {}

    public static String render(int status, String title, String message, Layout.Chrome chrome) {
        return Layout.page(
                title,
                chrome,
                section(
                                p("HTTP " + status).withClass("status-code"),
                                h1(title),
                                p(message),
                                p(a("Back to the lesson path").withHref("/")))
                        .withClass("message-page"));
    }
}
