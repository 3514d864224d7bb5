package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.web.view.Models.HandoutLesson;
import dev.loopbacklab.web.view.Models.HandoutPanel;
import dev.loopbacklab.web.view.Models.HandoutView;
import j2html.tags.DomContent;
import j2html.utils.EscapeUtil;

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

    /** The commands a learner needs, for each OS. */
    static DomContent commands() {
        return section(
                        h2("Commands on your system"),
                        table(
                                        thead(
                                                tr(
                                                        th("To").attr("scope", "col"),
                                                        th("Linux").attr("scope", "col"),
                                                        th("macOS").attr("scope", "col"),
                                                        th("Windows").attr("scope", "col"))),
                                        tbody(
                                                row(
                                                        "Start the lab",
                                                        "java -jar loopback-lab.jar",
                                                        "java -jar loopback-lab.jar",
                                                        "java -jar loopback-lab.jar"),
                                                row(
                                                        "See who listens",
                                                        "ss -ltnp",
                                                        "lsof -nP -iTCP -sTCP:LISTEN",
                                                        "netstat -ano -p tcp"),
                                                row(
                                                        "Show the ephemeral range",
                                                        "cat /proc/sys/net/ipv4/ip_local_port_range",
                                                        "sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last",
                                                        "netsh int ipv4 show dynamicport tcp"),
                                                row(
                                                        "See what localhost is",
                                                        "getent ahosts localhost",
                                                        "dscacheutil -q host -a name localhost",
                                                        "Resolve-DnsName localhost")))
                                .withClass("handout-commands"))
                .withClass("handout-section");
    }

    private static DomContent row(String what, String linux, String mac, String windows) {
        return tr(
                th(what).attr("scope", "row"),
                td(command(linux)),
                td(command(mac)),
                td(command(windows)));
    }

    /**
     * A command that may wrap after a slash or a dot ({@code <wbr>}), not in the middle of a name:
     * {@code /proc/sys/net/ipv4/ip_local_port_range} is wider than a printed column.
     */
    private static DomContent command(String text) {
        String escaped = EscapeUtil.escape(text);
        // after a dot only inside a dotted name of three or more parts (net.inet.ip.portrange…),
        // so loopback-lab.jar stays whole
        return code(
                rawHtml(escaped.replace("/", "/<wbr>").replaceAll("\\.(?=[a-z]+\\.)", ".<wbr>")));
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
