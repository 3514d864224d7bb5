package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.view.Layout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The start-up rendering order: the index first, the lesson pages only once a page went out (or
 * after a delay), and a lesson asked for earlier rendered on demand.
 */
class PageServiceTest {
    private final AtomicInteger loads = new AtomicInteger();

    private PageService pages(Duration lessonsAfter) {
        return new PageService(
                () -> {
                    loads.incrementAndGet();
                    return LessonCatalog.load(TestLab.fixtureContent().lessons());
                },
                false,
                FakeExperiments.registry(),
                Layout.Chrome.local("test"),
                lessonsAfter);
    }

    private static Thread warm(PageService pages) {
        Thread thread = new Thread(pages::warm, "test-warm");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void lessonPagesWaitForTheFirstPageServed() throws Exception {
        PageService pages = pages(Duration.ofMinutes(10));
        Thread warm = warm(pages);
        String index = pages.index();
        assertTrue(index.contains("The first lesson"));
        warm.join(200);
        assertTrue(warm.isAlive(), "still waiting for a page to go out");
        assertFalse(pages.isRendered("first"));
        assertFalse(pages.isRendered("second"));

        pages.pageServed();
        warm.join();
        assertFalse(warm.isAlive());
        assertTrue(pages.isRendered("first"));
        assertTrue(pages.isRendered("second"));
        assertTrue(loads.get() == 1, "the lessons are read once, not " + loads.get() + " times");
    }

    @Test
    void lessonPagesRenderAfterTheDelayWhenNoPageIsServed() throws Exception {
        PageService pages = pages(Duration.ofMillis(1));
        Thread warm = warm(pages);
        warm.join();
        assertFalse(warm.isAlive());
        for (String id : List.of("first", "second")) {
            assertTrue(pages.isRendered(id), id);
        }
    }

    @Test
    void aLessonAskedForBeforeItsTurnRendersOnDemand() throws Exception {
        PageService pages = pages(Duration.ofMinutes(10));
        Thread warm = warm(pages);
        try {
            assertTrue(pages.lesson("second").orElseThrow().render(new byte[0]).length > 0);
            assertTrue(pages.isRendered("second"));
            assertFalse(pages.isRendered("first"));
            assertTrue(pages.lesson("no-such-lesson").isEmpty());
        } finally {
            pages.pageServed();
            warm.join();
        }
    }
}
