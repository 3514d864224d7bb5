package dev.loopbacklab.cli;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code list}: the lessons in order, with the experiments and checks of each. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the lessons in order, with their experiments and checks.")
public final class ListCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--dev", description = "Read lessons/ from the working directory.")
    boolean dev;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Stands for the working directory; tests point it at a folder of their own. */
    Path workingDir = Path.of("").toAbsolutePath();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ContentRoot content = ContentRoot.locate(dev, workingDir);
        if (LessonProblems.report(content, workingDir, spec.commandLine().getErr())) {
            return 1;
        }
        LessonCatalog catalog = LessonCatalog.load(content.lessons());
        ExperimentRegistry registry = Experiments.registry();
        for (Lesson lesson : catalog.lessons()) {
            out.printf(
                    "%02d  %-24s %-48s %3d min%n",
                    lesson.number(), lesson.id(), lesson.title(), lesson.minutes());
            for (String id : lesson.experimentIds()) {
                registry.find(id).ifPresent(e -> line(out, "experiment", e));
            }
            for (String id : lesson.checkIds()) {
                registry.find(id).ifPresent(e -> line(out, "check", e));
            }
        }
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String kind, Experiment experiment) {
        out.printf("      %-10s %-26s %s%n", kind, experiment.id(), experiment.title());
    }
}
