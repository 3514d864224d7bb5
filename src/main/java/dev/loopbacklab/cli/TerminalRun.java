package dev.loopbacklab.cli;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code run} and {@code check} share: the id, {@code --param name=value}, {@code --json}. */
abstract class TerminalRun {
    @Parameters(
            index = "0",
            paramLabel = "ID",
            description = "The experiment or check to run " + "(see 'loopback-lab list').")
    String id;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A parameter, e.g. " + "--param count=1000. Repeat for more.")
    List<String> params = List.of();

    @Option(names = "--json", description = "Print one JSON object per event instead of text.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Where {@link #id} is looked up; tests swap in their own experiments. */
    ExperimentRegistry registry = Experiments.registry();

    int execute(boolean wantCheck) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Experiment experiment = registry.find(id).orElse(null);
        String kind = wantCheck ? "check" : "experiment";
        if (experiment == null || experiment.isCheck() != wantCheck) {
            err.println("There is no " + kind + " named \"" + id + "\". These exist:");
            registry.all().stream()
                    .filter(e -> e.isCheck() == wantCheck)
                    .forEach(e -> err.println("  " + e.id() + "  " + e.title()));
            if (experiment != null) {
                err.println(
                        "(\""
                                + id
                                + "\" is a "
                                + (wantCheck ? "experiment: use 'run'" : "check: use 'check'")
                                + ".)");
            }
            return 2;
        }
        Params parsed;
        try {
            parsed = Params.parse(experiment.params(), split(params));
        } catch (ParamException e) {
            err.println(e.getMessage());
            err.println("Parameters of " + id + ":");
            for (ParamSpec p : experiment.params()) {
                err.printf(
                        "  %-10s %s (%s; default %s)%n",
                        p.name(),
                        p.help(),
                        p.boundsText(),
                        p.required() ? "none: required" : p.defaultText());
            }
            return 2;
        }
        TerminalReport report = new TerminalReport(out, json, System.console() != null);
        if (!json) {
            out.println("== " + experiment.title() + " (" + id + ")");
        }
        Thread runner = Thread.currentThread();
        Thread stopper =
                new Thread(
                        () -> {
                            report.cancel();
                            runner.interrupt();
                        });
        Runtime.getRuntime().addShutdownHook(stopper);
        Outcome outcome;
        try {
            outcome = Runner.run(experiment, parsed, report);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is already running
            }
        }
        report.finish();
        if (!json) {
            out.println("== " + outcome.label());
        }
        out.flush();
        return outcome.exitCode();
    }

    private static Map<String, String> split(List<String> pairs) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ParamException(
                        null,
                        "write parameters as name=value, e.g. --param count=1000; got \""
                                + (pair.length() > 40 ? pair.substring(0, 40) + "…" : pair)
                                + "\"");
            }
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return raw;
    }
}
