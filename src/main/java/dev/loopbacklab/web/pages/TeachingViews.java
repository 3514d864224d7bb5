package dev.loopbacklab.web.pages;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.WorkshopPlan;
import dev.loopbacklab.room.RoomNumbers;
import dev.loopbacklab.web.view.MarkdownView;
import dev.loopbacklab.web.view.Models;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds what the teaching pages show — notes, presenter steps, agenda, handouts — from the lessons
 * and their timing data; the pages in {@code web.view} only render these records.
 */
final class TeachingViews {
    private TeachingViews() {}

    /** {@code lesson}'s notes: timing, what to prepare, questions, text. */
    static Models.NotesView notes(
            Lesson lesson, Lesson.Notes notes, Function<String, Models.Panel> panels) {
        List<Models.TocEntry> toc = MarkdownView.render(lesson.document(), id -> null).toc();
        List<Models.StepView> steps =
                notes.steps().stream()
                        .map(
                                s ->
                                        new Models.StepView(
                                                s.minutes(),
                                                s.section(),
                                                sectionHref(lesson, toc, s.section()),
                                                MarkdownView.inline(s.what())))
                        .toList();
        List<Models.QuestionView> questions =
                notes.questions().stream()
                        .map(
                                q ->
                                        new Models.QuestionView(
                                                q.section(),
                                                MarkdownView.inline(q.ask()),
                                                MarkdownView.inline(q.answer())))
                        .toList();
        return new Models.NotesView(
                steps,
                notes.minutes(),
                notes.prepare().map(MarkdownView::inline).orElse(null),
                questions,
                MarkdownView.renderNotes(notes.document(), panels).html());
    }

    /** The link to a section of {@code lesson}, by the id its heading gets on the page. */
    private static String sectionHref(Lesson lesson, List<Models.TocEntry> toc, String section) {
        return toc.stream()
                .filter(t -> t.level() == 2 && t.text().equals(section))
                .findFirst()
                .map(t -> "/lessons/" + lesson.id() + "#" + t.anchor())
                .orElse(null);
    }

    /** {@code lesson} cut into the presenter's steps, each with its minutes and questions. */
    static Models.PresenterView presenter(
            Lesson lesson, Models.LessonCard card, Function<String, Models.Panel> panels) {
        Models.NotesView notes = lesson.notes().map(n -> notes(lesson, n, panels)).orElse(null);
        List<Models.Slide> slides = new ArrayList<>();
        for (MarkdownView.Part part : MarkdownView.parts(lesson.document(), panels)) {
            List<Models.StepView> steps =
                    notes == null
                            ? List.of()
                            : notes.steps().stream()
                                    .filter(s -> s.section().equals(part.title()))
                                    .toList();
            List<Models.QuestionView> questions =
                    notes == null
                            ? List.of()
                            : notes.questions().stream()
                                    .filter(q -> q.section().equals(part.title()))
                                    .toList();
            slides.add(
                    new Models.Slide(
                            part.title().isEmpty() ? lesson.title() : part.title(),
                            part.html(),
                            steps.stream().mapToInt(Models.StepView::minutes).sum(),
                            steps,
                            questions,
                            roomExperiments(part.html())));
        }
        return new Models.PresenterView(card, lesson.objectives(), slides, notes);
    }

    /** The experiments of a step whose numbers the room collects (their panels are in it). */
    private static List<String> roomExperiments(String html) {
        return RoomNumbers.experiments().stream()
                .filter(id -> html.contains("data-experiment=\"" + id + "\""))
                .toList();
    }

    /** The agenda of {@code plan}: blocks with their times, the total, what to prepare. */
    static Models.AgendaView agenda(WorkshopPlan plan) {
        List<Models.AgendaBlock> blocks = new ArrayList<>();
        List<Models.Preparation> prepare = new ArrayList<>();
        LocalTime at = plan.start();
        for (WorkshopPlan.Item item : plan.items()) {
            LocalTime end = at.plusMinutes(item.minutes());
            Models.LessonCard card =
                    item instanceof WorkshopPlan.LessonItem l ? PageService.card(l.lesson()) : null;
            blocks.add(new Models.AgendaBlock(time(at), time(end), item.minutes(), card));
            if (item instanceof WorkshopPlan.LessonItem l) {
                l.lesson()
                        .notes()
                        .flatMap(Lesson.Notes::prepare)
                        .ifPresent(
                                p ->
                                        prepare.add(
                                                new Models.Preparation(
                                                        card, MarkdownView.inline(p))));
            }
            at = end;
        }
        String query =
                "?plan="
                        + URLEncoder.encode(plan.spec(), StandardCharsets.UTF_8)
                        + "&start="
                        + URLEncoder.encode(time(plan.start()), StandardCharsets.UTF_8);
        return new Models.AgendaView(
                plan.spec(),
                time(plan.start()),
                time(plan.end()),
                plan.minutes(),
                blocks,
                prepare,
                query);
    }

    /** A handout for {@code plan}; {@code withNotes} for the facilitator's printout. */
    static Models.HandoutView handout(
            WorkshopPlan plan,
            boolean withNotes,
            Function<String, Models.Panel> panels,
            Function<Lesson, List<Models.Script>> scripts) {
        List<Models.HandoutLesson> lessons = new ArrayList<>();
        for (Lesson lesson : plan.lessons()) {
            List<Models.HandoutPanel> items = new ArrayList<>();
            for (Lesson.Embed embed : lesson.embeds()) {
                if (embed.kind() == Lesson.Embed.Kind.JSHELL) {
                    continue;
                }
                Models.Panel panel = panels.apply(embed.id());
                if (panel == null) {
                    continue;
                }
                items.add(
                        new Models.HandoutPanel(
                                panel.id(),
                                panel.check(),
                                panel.title(),
                                panel.description(),
                                LabCommand.handedOut(
                                        (panel.check() ? "check " : "run ") + panel.id())));
            }
            lessons.add(
                    new Models.HandoutLesson(
                            PageService.card(lesson),
                            lesson.objectives(),
                            items,
                            scripts.apply(lesson),
                            withNotes
                                    ? lesson.notes().map(n -> notes(lesson, n, panels)).orElse(null)
                                    : null));
        }
        return new Models.HandoutView(agenda(plan), lessons);
    }

    private static String time(LocalTime time) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
}
