package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.ConnectionFact;
import java.util.List;

/** The live facts about the connection that fetched this very page. */
public final class ConnectionFacts {
    private ConnectionFacts() {}

    public static String render(List<ConnectionFact> facts) {
        return div(
                        h3("This connection, right now"),
                        dl(
                                each(
                                        facts,
                                        f ->
                                                div(
                                                                dt(f.label()),
                                                                dd(
                                                                        code(f.value()),
                                                                        iff(
                                                                                !f.note().isEmpty(),
                                                                                span(" — "
                                                                                                + f
                                                                                                        .note())
                                                                                        .withClass(
                                                                                                "fact-note"))))
                                                        .withClass("event-fact"))),
                        p("Reload the page: the browser may open a new connection from a new source port.")
                                .withClass("live-hint"))
                .withClass("live-connection")
                .render();
    }
}
