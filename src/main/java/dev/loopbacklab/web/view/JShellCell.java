package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.LabCommand;
import j2html.tags.DomContent;

/**
 * A lesson's JShell block as a notebook cell: the code with Copy, and Run, Stop and Reset that
 * {@code notebook.js} shows (and makes the code editable) once the lab says this browser may run
 * code. Without that, or without JavaScript, it stays copyable code with the terminal command.
 */
public final class JShellCell {
    private JShellCell() {}

    public static DomContent render(String code) {
        return div(
                        div(
                                        div(
                                                        span("JShell").withClass("code-label"),
                                                        button("Run")
                                                                .withType("button")
                                                                .withClass("cell-run")
                                                                .attr("hidden"),
                                                        button("Stop")
                                                                .withType("button")
                                                                .withClass("cell-stop")
                                                                .attr("disabled")
                                                                .attr("hidden"),
                                                        button("Reset")
                                                                .withType("button")
                                                                .withClass("cell-reset")
                                                                .attr(
                                                                        "title",
                                                                        "Start a fresh JShell for this page")
                                                                .attr("hidden"),
                                                        button("Copy")
                                                                .withType("button")
                                                                .withClass("copy")
                                                                .attr("data-copy", ""))
                                                .withClass("code-bar"),
                                        pre(code(code).withClass("language-java")))
                                .withClass("code-block"),
                        div().withClass("cell-output").attr("aria-live", "polite").attr("hidden"),
                        p(
                                        text("Paste it into JShell in a terminal: "),
                                        code(LabCommand.with("jshell")))
                                .withClass("cell-note"))
                .withClass("jshell-cell")
                .attr("data-jshell-cell", "");
    }
}
