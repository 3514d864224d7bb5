package dev.loopbacklab.web.view;

import dev.loopbacklab.lesson.ParamSpec;
import java.util.List;
import java.util.Locale;

/** The records pages are rendered from. Handlers build them; views only read them. */
public final class Models {
    private Models() {}

    /** A lesson as listed on the path. */
    public record LessonCard(
            int number,
            String id,
            String title,
            int minutes,
            String summary,
            List<String> checkIds) {
        public String href() {
            return "/lessons/" + id;
        }

        public String numberText() {
            return String.format(Locale.ROOT, "%02d", number);
        }
    }

    /** An experiment or check panel. */
    public record Panel(
            String id, boolean check, String title, String description, List<Field> fields) {}

    /** One form field of a panel; {@code kind} picks the input (a checkbox for a boolean). */
    public record Field(
            String name,
            ParamSpec.Kind kind,
            String value,
            String help,
            String bounds,
            boolean required) {}

    /** A heading in the table of contents. */
    public record TocEntry(int level, String anchor, String text) {}

    /** A JShell script shipped with a lesson. */
    public record Script(String fileName, String command, String text) {}

    /** A live fact about the request that fetched the page. */
    public record ConnectionFact(String label, String value, String note) {}

    /** Everything a lesson page shows. */
    public record LessonView(
            LessonCard card,
            List<String> objectives,
            String bodyHtml,
            List<TocEntry> toc,
            LessonCard previous,
            LessonCard next,
            List<Script> scripts,
            NotesView notes) {}

    /**
     * Facilitator notes as a page shows them: the timing steps, what to prepare (HTML, may be null)
     * and the notes' own text (HTML).
     */
    public record NotesView(List<StepView> steps, int minutes, String prepareHtml, String html) {}

    /** One timed step: minutes, the section it belongs to (text and link), what (HTML). */
    public record StepView(int minutes, String section, String href, String whatHtml) {}
}
