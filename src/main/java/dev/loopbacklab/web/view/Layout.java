package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;

/** The frame every page shares: head, site header, main column, footer. */
public final class Layout {
    private Layout() {}

    /** What the frame needs besides the page content. */
    public record Chrome(String version, String roomBanner) {
        /** The frame for a loopback-only lab. */
        public static Chrome local(String version) {
            return new Chrome(version, null);
        }
    }

    /** A complete HTML document. */
    public static String page(String title, Chrome chrome, DomContent... content) {
        return page(title, chrome, null, content);
    }

    /**
     * A teaching page (agenda, presenter, speaker, handouts): the same frame with {@code bodyClass}
     * on its body, teach.css and presenter.js.
     */
    public static String teachingPage(
            String title, Chrome chrome, String bodyClass, DomContent... content) {
        return page(title, chrome, bodyClass, content);
    }

    private static String page(
            String title, Chrome chrome, String bodyClass, DomContent... content) {
        boolean teaching = bodyClass != null;
        return document(
                html(
                                head(
                                        meta().withCharset("utf-8"),
                                        meta().withName("viewport")
                                                .withContent("width=device-width, initial-scale=1"),
                                        meta().withName("color-scheme").withContent("light dark"),
                                        title(
                                                title.equals("Loopback Lab")
                                                        ? title
                                                        : title + " · Loopback Lab"),
                                        link().withRel("icon")
                                                .withHref("/assets/favicon.svg")
                                                .withType("image/svg+xml"),
                                        link().withRel("stylesheet").withHref("/assets/lab.css"),
                                        link().withRel("stylesheet")
                                                .withHref("/assets/notebook.css"),
                                        link().withRel("stylesheet")
                                                .withHref("/assets/print.css")
                                                .attr("media", "print"),
                                        script().withSrc("/assets/lab.js").attr("defer"),
                                        script().withSrc("/assets/notebook.js").attr("defer"),
                                        script().withSrc("/assets/browser-lab.js").attr("defer"),
                                        // a module (deferred, like the rest): syntax colours
                                        script().withType("module").withSrc("/assets/highlight.js"),
                                        iff(
                                                !teaching,
                                                link().withRel("stylesheet")
                                                        .withHref("/assets/follow.css")),
                                        iff(
                                                !teaching,
                                                script().withSrc("/assets/follow.js")
                                                        .attr("defer")),
                                        iff(
                                                teaching,
                                                link().withRel("stylesheet")
                                                        .withHref("/assets/teach.css")),
                                        iff(
                                                teaching,
                                                script().withSrc("/assets/presenter.js")
                                                        .attr("defer"))),
                                body(
                                                a("Skip to the lesson")
                                                        .withHref("#main")
                                                        .withClass("skip-link"),
                                                iff(
                                                        chrome.roomBanner() != null,
                                                        div(chrome.roomBanner())
                                                                .withClass("room-banner")
                                                                .attr("role", "status")),
                                                header(
                                                                nav(
                                                                                a(
                                                                                                span("127.0.0.1")
                                                                                                        .withClass(
                                                                                                                "brand-mark"),
                                                                                                text(
                                                                                                        " Loopback Lab"))
                                                                                        .withHref(
                                                                                                "/")
                                                                                        .withClass(
                                                                                                "brand"),
                                                                                span().withClass(
                                                                                                "progress-summary")
                                                                                        .attr(
                                                                                                "data-progress-summary"),
                                                                                a("Workshop")
                                                                                        .withHref(
                                                                                                "/workshop")
                                                                                        .withClass(
                                                                                                "nav-workshop"))
                                                                        .attr("aria-label", "Site"))
                                                        .withClass("site-header"),
                                                main(content).withId("main"),
                                                footer(
                                                                p(
                                                                        text(
                                                                                "Loopback Lab "
                                                                                        + chrome
                                                                                                .version()
                                                                                        + " · served from your own machine; "
                                                                                        + "every result on these pages was measured here.")))
                                                        .withClass("site-footer"))
                                        .withCondClass(
                                                teaching, bodyClass == null ? "" : bodyClass))
                        .attr("lang", "en"));
    }
}
