package dev.loopbacklab.web.pages;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.LessonIndex;
import dev.loopbacklab.web.room.SharedLab;
import dev.loopbacklab.web.view.IndexPage;
import dev.loopbacklab.web.view.Layout;
import dev.loopbacklab.web.view.LessonPage;
import dev.loopbacklab.web.view.MarkdownView;
import dev.loopbacklab.web.view.Models;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Gathers what each page shows and renders it once: lesson pages are static until a run happens in
 * the browser, so they are cached (in development mode the catalog is re-read on every request, so
 * edits show on reload).
 */
final class PageService {
    private final Supplier<LessonCatalog> catalogs;
    private final boolean reload;
    private final ExperimentRegistry registry;
    private final Layout.Chrome chrome;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private volatile LivePage indexPage;
    private final Map<String, LivePage> lessonCache = new ConcurrentHashMap<>();
    private final FutureTask<LessonCatalog> firstLoad;
    private volatile LessonCatalog catalog;

    PageService(
            Supplier<LessonCatalog> catalogs,
            boolean reload,
            ExperimentRegistry registry,
            Layout.Chrome chrome) {
        this.catalogs = catalogs;
        this.reload = reload;
        this.registry = registry;
        this.chrome = chrome;
        this.firstLoad = new FutureTask<>(catalogs::get);
    }

    /**
     * The lessons: read once (by whichever thread asks first, usually the start-up warm-up), or on
     * every call in development mode. Throws {@link dev.loopbacklab.lesson.LessonFormatException}
     * if a lesson is broken.
     */
    LessonCatalog catalog() {
        if (reload) {
            catalog = catalogs.get();
            cache.clear();
            lessonCache.clear();
            return catalog;
        }
        if (catalog == null) {
            firstLoad.run();
            try {
                catalog = firstLoad.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the lessons", e);
            }
        }
        return catalog;
    }

    String index() {
        LessonCatalog lessons = catalog();
        return cache.computeIfAbsent(
                "/",
                k ->
                        IndexPage.render(
                                lessons.index().lessons().stream()
                                        .map(PageService::liveCard)
                                        .toList(),
                                chrome));
    }

    /** The index, cut where the lab's address goes (lesson 00's title names it). */
    LivePage indexPage() {
        String html = index();
        LivePage page = indexPage;
        if (page == null || page.source() != html) {
            page = LivePage.of(html);
            indexPage = page;
        }
        return page;
    }

    /** The lesson page, cut where its live connection facts go; empty if unknown. */
    Optional<LivePage> lesson(String id) {
        LessonCatalog lessons = catalog();
        return lessons.find(id)
                .map(
                        lesson ->
                                lessonCache.computeIfAbsent(
                                        id, k -> LivePage.of(render(lessons, lesson))));
    }

    /** Renders every lesson page into the cache. */
    void renderLessons() {
        catalog().index().lessons().forEach(lesson -> lesson(lesson.id()));
    }

    /** True if the page of lesson {@code id} is in the cache (for tests). */
    boolean isRendered(String id) {
        return lessonCache.containsKey(id);
    }

    Layout.Chrome chrome() {
        return chrome;
    }

    private String render(LessonCatalog lessons, Lesson lesson) {
        MarkdownView.Rendered body = MarkdownView.render(lesson.document(), this::panel);
        // A room's visitors never get the notes (their answers included); the teacher has them in
        // the presenter's speaker view and the facilitator printout.
        Models.NotesView notes =
                chrome.roomBanner() != null
                        ? null
                        : lesson.notes()
                                .map(n -> TeachingViews.notes(lesson, n, this::panel))
                                .orElse(null);
        List<Models.Script> scripts = scripts(lesson);
        LessonIndex index = lessons.index();
        return LessonPage.render(
                new Models.LessonView(
                        liveCard(lesson),
                        lesson.objectives(),
                        body.html(),
                        body.toc(),
                        index.previous(lesson.id()).map(PageService::liveCard).orElse(null),
                        index.next(lesson.id()).map(PageService::liveCard).orElse(null),
                        scripts,
                        notes),
                chrome);
    }

    /** The JShell scripts of {@code lesson} with the command that runs each in this lab. */
    static List<Models.Script> scripts(Lesson lesson) {
        return scripts(lesson, LabCommand::with);
    }

    /**
     * The JShell scripts of {@code lesson} with the command that runs each in the jar a room hands
     * out: for printed room material.
     */
    static List<Models.Script> handedOutScripts(Lesson lesson) {
        return scripts(lesson, LabCommand::handedOut);
    }

    private static List<Models.Script> scripts(
            Lesson lesson, java.util.function.UnaryOperator<String> command) {
        return lesson.scripts().stream()
                .map(
                        s ->
                                new Models.Script(
                                        s.fileName(),
                                        command.apply(
                                                "jshell lessons/"
                                                        + lesson.folderName()
                                                        + "/"
                                                        + s.fileName()),
                                        s.text()))
                .toList();
    }

    Models.Panel panel(String id) {
        boolean shared = chrome.roomBanner() != null;
        return registry.find(id).map(e -> panel(e, shared)).orElse(null);
    }

    static Models.Panel panel(Experiment experiment) {
        return panel(experiment, false);
    }

    /** A panel; in a shared lab it says when only the teacher can run it, and why. */
    static Models.Panel panel(Experiment experiment, boolean sharedLab) {
        return new Models.Panel(
                experiment.id(),
                experiment.isCheck(),
                experiment.title(),
                experiment.description(),
                experiment.params().stream().map(Models.Field::of).toList(),
                sharedLab ? SharedLab.teacherOnly(experiment).orElse(null) : null);
    }

    static Models.LessonCard card(Lesson lesson) {
        LessonIndex.Entry entry = LessonIndex.Entry.of(lesson);
        return card(entry, entry.title(Lesson.ANY_ADDRESS));
    }

    /**
     * A card for a {@link LivePage}: a title that names the lab's address carries {@link
     * MarkdownView#ADDRESS_MARKER}, filled per request with the address the learner used.
     */
    static Models.LessonCard liveCard(Lesson lesson) {
        return liveCard(LessonIndex.Entry.of(lesson));
    }

    private static Models.LessonCard liveCard(LessonIndex.Entry lesson) {
        return card(lesson, lesson.title(MarkdownView.ADDRESS_MARKER));
    }

    private static Models.LessonCard card(LessonIndex.Entry lesson, String title) {
        return new Models.LessonCard(
                lesson.number(),
                lesson.id(),
                title,
                lesson.minutes(),
                lesson.summary(),
                lesson.checkIds());
    }
}
