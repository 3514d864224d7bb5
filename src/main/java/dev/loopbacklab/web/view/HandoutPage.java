package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.web.view.Models.HandoutLesson;
import dev.loopbacklab.web.view.Models.HandoutPanel;
import dev.loopbacklab.web.view.Models.HandoutView;
import j2html.tags.DomContent;
import j2html.tags.specialized.TrTag;

/**
 * {@code /handout}: the learner's handout for a plan, made to be printed from the browser (A4 or
 * Letter): the commands for each OS, and per lesson its objectives, each experiment with its
 * command line, and each challenge with space to write. No facilitator notes.
 */
public final class HandoutPage {
    private HandoutPage() {}

    public static String render(HandoutView view, Layout.Chrome chrome) {
        return Layout.teachingPage(
                "Learner handout",
                chrome,
                "teach handout",
                h1("Loopback Lab: learner handout"),
                p("Workshop from "
                                + view.agenda().start()
                                + " to "
                                + view.agenda().end()
                                + ", "
                                + view.lessons().size()
                                + " lessons. Print it with your browser (Ctrl+P or ⌘P); it fits A4 and Letter.")
                        .withClass("handout-intro"),
                commands(),
                each(view.lessons(), HandoutPage::lesson));
    }

    /**
     * The commands a learner needs, one row per system, so each command fits on one printed line
     * whole: a command broken across lines (at a hyphen, a slash or a dot) gets typed as two.
     */
    static DomContent commands() {
        return section(
                        h2("Commands on your system"),
                        table(
                                        thead(
                                                tr(
                                                        th("To").attr("scope", "col"),
                                                        th("On").attr("scope", "col"),
                                                        th("Type").attr("scope", "col"))),
                                        task(
                                                "Start the lab",
                                                "Every system",
                                                LabCommand.handedOut("")),
                                        task(
                                                "See who listens",
                                                "Linux",
                                                "ss -ltnp",
                                                "macOS",
                                                "lsof -nP -iTCP -sTCP:LISTEN",
                                                "Windows",
                                                "netstat -ano -p tcp"),
                                        task(
                                                "Show the ephemeral range",
                                                "Linux",
                                                "cat /proc/sys/net/ipv4/ip_local_port_range",
                                                "macOS",
                                                "sysctl net.inet.ip.portrange.first"
                                                        + " net.inet.ip.portrange.last",
                                                "Windows",
                                                "netsh int ipv4 show dynamicport tcp"),
                                        task(
                                                "See what localhost is",
                                                "Linux",
                                                "getent ahosts localhost",
                                                "macOS",
                                                "dscacheutil -q host -a name localhost",
                                                "Windows",
                                                "Resolve-DnsName localhost"))
                                .withClass("handout-commands"))
                .withClass("handout-section");
    }

    /** One task: its name over as many rows as systems, each with the system and its command. */
    private static DomContent task(String what, String... systemThenCommand) {
        int rows = systemThenCommand.length / 2;
        TrTag[] trs = new TrTag[rows];
        for (int i = 0; i < rows; i++) {
            trs[i] = tr();
            if (i == 0) {
                trs[i].with(th(what).attr("scope", "rowgroup").attr("rowspan", rows));
            }
            trs[i].with(
                    th(systemThenCommand[2 * i]).attr("scope", "row"),
                    td(code(systemThenCommand[2 * i + 1]).withClass("command")));
        }
        return tbody(trs);
    }

    private static DomContent lesson(HandoutLesson lesson) {
        return section(
                        h2(lesson.card().numberText() + " " + lesson.card().title()),
                        p(lesson.card().summary()),
                        h3("You will"),
                        ul(each(lesson.objectives(), o -> li(o))),
                        each(lesson.panels(), HandoutPage::panel))
                .withClass("handout-lesson");
    }

    private static DomContent panel(HandoutPanel panel) {
        return div(
                        h3((panel.check() ? "Challenge: " : "Experiment: ") + panel.title()),
                        p(panel.description()),
                        p(text("From a terminal: "), code(panel.cli())).withClass("handout-cli"),
                        // presenter.js puts the learner's last run here, if this browser kept one
                        div().withClass("handout-result").attr("hidden"),
                        div(
                                        p(panel.check()
                                                        ? "Your answer and what the check said:"
                                                        : "What it showed on your machine:")
                                                .withClass("write-label"),
                                        div().withClass("write-lines").attr("aria-hidden", "true"))
                                .withClass("write-space"))
                .withClass(panel.check() ? "handout-panel handout-check" : "handout-panel")
                .attr("data-handout-panel", panel.id());
    }
}
