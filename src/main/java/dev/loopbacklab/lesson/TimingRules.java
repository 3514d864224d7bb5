package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's timing is data the presenter view, the agenda and the pacing timer rely on: {@code
 * notes.md} lists the steps, each names a {@code ##} section of {@code lesson.md}, the steps follow
 * the sections' order, and their minutes add up to the lesson's {@code minutes}. Each rule's
 * message says what to write, for an author adding a lesson.
 */
final class TimingRules {
    private TimingRules() {}

    static List<ContentChecker.Problem> check(Lesson lesson, String folder) {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        String notesFile = folder + "/notes.md";
        List<String> sections = lesson.sections();
        // one line, so that each problem stays one line in a terminal
        String example =
                "steps: [{minutes: "
                        + lesson.minutes()
                        + ", section: \""
                        + (sections.isEmpty() ? "<a ## heading of lesson.md>" : sections.get(0))
                        + "\", what: \"<what the room does>\"}] between --- lines";
        if (lesson.notes().isEmpty()) {
            problems.add(
                    new ContentChecker.Problem(
                            notesFile,
                            "missing: add facilitator notes that start with their timing steps, e.g. "
                                    + example));
            return problems;
        }
        Lesson.Notes notes = lesson.notes().get();
        if (notes.steps().isEmpty()) {
            problems.add(
                    new ContentChecker.Problem(
                            notesFile + ":1",
                            "no timing steps: start notes.md with front matter listing the steps"
                                    + " (minutes, section: a ## heading of lesson.md, what), adding"
                                    + " up to the lesson's "
                                    + lesson.minutes()
                                    + " minutes, e.g. "
                                    + example));
            return problems;
        }
        int last = 0;
        for (Lesson.Step step : notes.steps()) {
            int index = sections.indexOf(step.section());
            String at = notesFile + ":" + step.line();
            if (index < 0) {
                problems.add(
                        new ContentChecker.Problem(
                                at,
                                "section \""
                                        + step.section()
                                        + "\" is not a ## heading of lesson.md; its headings are: "
                                        + String.join(" | ", sections)));
            } else if (index < last) {
                problems.add(
                        new ContentChecker.Problem(
                                at,
                                "section \""
                                        + step.section()
                                        + "\" comes before the previous step's section in"
                                        + " lesson.md: list the steps in the lesson's order"));
            } else {
                last = index;
            }
        }
        for (Lesson.Question question : notes.questions()) {
            if (!sections.contains(question.section())) {
                problems.add(
                        new ContentChecker.Problem(
                                notesFile + ":" + question.line(),
                                "question's section \""
                                        + question.section()
                                        + "\" is not a ## heading of lesson.md; its headings are: "
                                        + String.join(" | ", sections)));
            }
        }
        if (notes.minutes() != lesson.minutes()) {
            problems.add(
                    new ContentChecker.Problem(
                            folder + "/lesson.md",
                            "minutes is "
                                    + lesson.minutes()
                                    + ", but the steps in notes.md add up to "
                                    + notes.minutes()
                                    + ": make them agree"));
        }
        return problems;
    }
}
