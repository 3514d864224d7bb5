package dev.loopbacklab.cli;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentChecker;
import dev.loopbacklab.lesson.ContentRoot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Lessons read from disk are checked before a command uses them, as the test suite checks them: an
 * author editing a lesson gets one line per problem (file, line, what is wrong) and a non-zero
 * exit, never a stack trace. The packed lessons were checked when the jar was built.
 */
final class LessonProblems {
    private LessonProblems() {}

    /**
     * Prints every problem of {@code content}'s lessons to {@code err}, each file shown relative to
     * {@code workingDir} when it lies inside it; true if there was any.
     */
    static boolean report(ContentRoot content, Path workingDir, PrintWriter err) {
        if (!content.fromDisk()) {
            return false;
        }
        List<ContentChecker.Problem> problems =
                Experiments.registry().contentChecker().check(content.lessons());
        if (problems.isEmpty()) {
            return false;
        }
        Path root = content.lessons().toAbsolutePath().normalize();
        Path here = workingDir.toAbsolutePath().normalize();
        String shown = root.startsWith(here) ? here.relativize(root).toString() : root.toString();
        for (ContentChecker.Problem problem : problems) {
            Path file = Path.of(problem.file().replaceFirst(":\\d+$", ""));
            if (file.isAbsolute()) {
                // a problem of the lessons folder itself: named as the author would type it
                Path at = file.normalize();
                String name = at.startsWith(here) ? here.relativize(at).toString() : at.toString();
                err.println((name.isEmpty() ? "." : name) + ": " + problem.message());
            } else {
                err.println((shown.isEmpty() ? "" : shown + "/") + problem);
            }
        }
        err.println(
                problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + " in the lessons; nothing was started.");
        err.flush();
        return true;
    }
}
