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
            String id,
            boolean check,
            String title,
            String description,
            List<Field> fields,
            String sharedLabNote) {
        /** A panel with no shared-lab note (a lab that serves no room). */
        public Panel(
                String id, boolean check, String title, String description, List<Field> fields) {
            this(id, check, title, description, fields, null);
        }
    }

    /** One form field of a panel; {@code kind} picks the input (a checkbox for a boolean). */
    public record Field(
            String name,
            ParamSpec.Kind kind,
            String value,
            String help,
            String bounds,
            boolean required) {
        /**
         * The field of a parameter, with its default value filled in, written as the bounds under
         * it are ({@link ParamSpec#defaultText}).
         */
        public static Field of(ParamSpec spec) {
            return new Field(
                    spec.name(),
                    spec.kind(),
                    spec.defaultText(),
                    spec.help(),
                    spec.boundsText(),
                    spec.required());
        }
    }

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
    public record NotesView(
            List<StepView> steps,
            int minutes,
            String prepareHtml,
            List<QuestionView> questions,
            String html) {}

    /** A question to ask the room and its answer (HTML), with the section it belongs to. */
    public record QuestionView(String section, String askHtml, String answerHtml) {}

    /**
     * One step of the presenter view: a section of the lesson (the first is the lesson's opening),
     * its planned minutes (0 if untimed), its timing lines and questions.
     */
    public record Slide(
            String title,
            String html,
            int minutes,
            List<StepView> steps,
            List<QuestionView> questions,
            List<String> roomExperiments) {}

    /** A lesson as the presenter and speaker views show it. */
    public record PresenterView(
            LessonCard card, List<String> objectives, List<Slide> slides, NotesView notes) {
        public String presentHref() {
            return card.href() + "/present";
        }

        public String speakerHref() {
            return card.href() + "/speaker";
        }
    }

    /** A block of the agenda: a lesson (or, if {@code lesson} is null, a break) with its times. */
    public record AgendaBlock(String start, String end, int minutes, LessonCard lesson) {}

    /** What a teacher does before the session for one lesson (HTML). */
    public record Preparation(LessonCard lesson, String html) {}

    /** The agenda of a workshop plan. */
    public record AgendaView(
            String spec,
            String start,
            String end,
            int minutes,
            List<AgendaBlock> blocks,
            List<Preparation> prepare,
            String query) {}

    /** An experiment or check as a handout prints it: what it is and its command line. */
    public record HandoutPanel(
            String id, boolean check, String title, String description, String cli) {}

    /** One lesson of a handout. */
    public record HandoutLesson(
            LessonCard card,
            List<String> objectives,
            List<HandoutPanel> panels,
            List<Script> scripts,
            NotesView notes) {}

    /** A printable handout for a plan: the learner's, or the facilitator's (with notes). */
    public record HandoutView(AgendaView agenda, List<HandoutLesson> lessons) {}

    /** One timed step: minutes, the section it belongs to (text and link), what (HTML). */
    public record StepView(int minutes, String section, String href, String whatHtml) {}
}
