package dev.loopbacklab.web.pages;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.lesson.LessonIndex;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.tuning.PageWarmUp;
import dev.loopbacklab.web.view.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up rendering order: the index first, the lesson pages only once a page went out (or
 * after a delay), and a lesson asked for earlier rendered on demand.
 */
class PageServiceTest {
    private final AtomicInteger loads = new AtomicInteger();

    private PageService pages() {
        return new PageService(
                () -> {
                    loads.incrementAndGet();
                    return LessonCatalog.load(TestLab.fixtureContent().lessons());
                },
                false,
                FakeExperiments.registry(),
                Layout.Chrome.local("test"));
    }

    @Test
    void theIndexFromABuiltLessonIndexReadsNoLessonAndIsTheSamePage(@TempDir Path empty) {
        LessonIndex index = LessonCatalog.load(TestLab.fixtureContent().lessons()).index();
        // No lesson folder at all under empty/: reading any lesson would throw.
        PageService indexed =
                new PageService(
                        () -> LessonCatalog.indexed(empty, index),
                        false,
                        FakeExperiments.registry(),
                        Layout.Chrome.local("test"));
        assertEquals(pages().index(), indexed.index());
        assertThrows(LessonFormatException.class, () -> indexed.lesson("first"));
    }

    @Test
    void lessonPagesFromABuiltLessonIndexAreTheSamePages() {
        Path lessons = TestLab.fixtureContent().lessons();
        LessonIndex index = LessonCatalog.load(lessons).index();
        PageService indexed =
                new PageService(
                        () -> LessonCatalog.indexed(lessons, index),
                        false,
                        FakeExperiments.registry(),
                        Layout.Chrome.local("test"));
        PageService loaded = pages();
        for (String id : List.of("first", "second")) {
            assertEquals(
                    new String(loaded.lesson(id).orElseThrow().render("x"), UTF_8),
                    new String(indexed.lesson(id).orElseThrow().render("x"), UTF_8),
                    id);
        }
    }

    private static PageWarmUp warm(PageService pages, Duration lessonsAfter) {
        return PageWarmUp.start(pages::index, pages::renderLessons, lessonsAfter);
    }

    @Test
    void lessonPagesWaitForTheFirstPageServed() throws Exception {
        PageService pages = pages();
        PageWarmUp warm = warm(pages, Duration.ofMinutes(10));
        String index = pages.index();
        assertTrue(index.contains("The first lesson"));
        assertFalse(warm.awaitDone(Duration.ofMillis(200)), "still waiting for a page to go out");
        assertFalse(pages.isRendered("first"));
        assertFalse(pages.isRendered("second"));

        warm.pageServed();
        assertTrue(warm.awaitDone(Duration.ofHours(1)));
        assertTrue(pages.isRendered("first"));
        assertTrue(pages.isRendered("second"));
        assertTrue(loads.get() == 1, "the lessons are read once, not " + loads.get() + " times");
    }

    @Test
    void lessonPagesRenderAfterTheDelayWhenNoPageIsServed() throws Exception {
        PageService pages = pages();
        PageWarmUp warm = warm(pages, Duration.ofMillis(1));
        assertTrue(warm.awaitDone(Duration.ofHours(1)));
        for (String id : List.of("first", "second")) {
            assertTrue(pages.isRendered(id), id);
        }
    }

    @Test
    void aLessonAskedForBeforeItsTurnRendersOnDemand() throws Exception {
        PageService pages = pages();
        PageWarmUp warm = warm(pages, Duration.ofMinutes(10));
        try {
            assertTrue(pages.lesson("second").orElseThrow().render("").length > 0);
            assertTrue(pages.isRendered("second"));
            assertFalse(pages.isRendered("first"));
            assertTrue(pages.lesson("no-such-lesson").isEmpty());
        } finally {
            warm.pageServed();
            warm.awaitDone(Duration.ofHours(1));
        }
    }
}
