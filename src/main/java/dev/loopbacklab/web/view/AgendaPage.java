package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.AgendaView;
import j2html.tags.DomContent;

/** {@code /agenda}: a workshop plan as blocks with times, the total, and what to prepare. */
public final class AgendaPage {
    private AgendaPage() {}

    public static String render(AgendaView agenda, Layout.Chrome chrome) {
        return Layout.teachingPage(
                "Agenda",
                chrome,
                "teach agenda-page",
                h1("Workshop agenda"),
                p(
                                text(agenda.start() + " to " + agenda.end() + " · "),
                                strong(agenda.minutes() + " minutes"),
                                text(" in all, breaks included."))
                        .withClass("agenda-total"),
                table(agenda),
                iff(!agenda.prepare().isEmpty(), prepare(agenda)),
                section(
                                h2("Print"),
                                ul(
                                        li(
                                                a("Learner handout")
                                                        .withHref("/handout" + agenda.query()),
                                                text(
                                                        ": objectives, commands, challenges with space to write.")),
                                        li(
                                                a("Facilitator printout")
                                                        .withHref("/facilitator" + agenda.query()),
                                                text(
                                                        ": this agenda, the notes, the questions with answers."))))
                        .withClass("agenda-print"),
                section(
                                h2("Another plan"),
                                p(
                                        text("List lesson ids and breaks in the address, e.g. "),
                                        code("/agenda?plan=" + example(agenda) + "&start=13:30"),
                                        text(". This plan is "),
                                        code(agenda.spec()),
                                        text(".")))
                        .withClass("agenda-plan"));
    }

    /** The agenda as a table; the facilitator printout shows it too. */
    public static DomContent table(AgendaView agenda) {
        return j2html.TagCreator.table(
                        caption("From " + agenda.start() + " to " + agenda.end()),
                        thead(
                                tr(
                                        th("start").attr("scope", "col"),
                                        th("end").attr("scope", "col"),
                                        th("min").attr("scope", "col"),
                                        th("block").attr("scope", "col"),
                                        th("present").attr("scope", "col"))),
                        tbody(
                                each(
                                        agenda.blocks(),
                                        b ->
                                                tr(
                                                                td(b.start()),
                                                                td(b.end()),
                                                                td(String.valueOf(b.minutes()))
                                                                        .withClass("num"),
                                                                b.lesson() == null
                                                                        ? td("Break")
                                                                        : td(
                                                                                text(
                                                                                        b.lesson()
                                                                                                        .numberText()
                                                                                                + " "),
                                                                                a(b.lesson()
                                                                                                .title())
                                                                                        .withHref(
                                                                                                b.lesson()
                                                                                                        .href())),
                                                                b.lesson() == null
                                                                        ? td()
                                                                        : td(
                                                                                a("Present")
                                                                                        .withHref(
                                                                                                b.lesson()
                                                                                                                .href()
                                                                                                        + "/present")
                                                                                        .attr(
                                                                                                "aria-label",
                                                                                                "Present "
                                                                                                        + b.lesson()
                                                                                                                .title())))
                                                        .withCondClass(
                                                                b.lesson() == null,
                                                                "agenda-break"))))
                .withClass("agenda");
    }

    private static DomContent prepare(AgendaView agenda) {
        return section(
                        h2("Before the session"),
                        ul(
                                each(
                                        agenda.prepare(),
                                        p ->
                                                li(
                                                        strong(p.lesson().title() + ": "),
                                                        rawHtml(p.html())))))
                .withClass("agenda-prepare");
    }

    private static String example(AgendaView agenda) {
        String[] ids = agenda.spec().split(",");
        return ids.length >= 2 ? ids[0] + ",break-10," + ids[ids.length - 1] : agenda.spec();
    }
}
