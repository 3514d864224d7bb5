package dev.loopbacklab.browser;

import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe on the teaching pages of the real lessons, every one of them: the presenter and the speaker
 * window with all their steps shown at once (so one axe run sees every step), and both printouts of
 * the whole course. The fixture lessons of TeachingBrowserTest cannot stand in for these: the real
 * ones carry tables, charts, live panels and JShell cells.
 */
class TeachingAxeBrowserTest extends BrowserTestBase {
    @Override
    LabServer startLab() {
        return realLab();
    }

    static Stream<String> lessons() {
        return LessonCatalog.load(ContentRoot.disk(Path.of("")).lessons()).lessons().stream()
                .map(Lesson::id);
    }

    private void showEveryStep(String selector) {
        browser.js(
                "document.querySelectorAll(arguments[0]).forEach(s => s.hidden = false);",
                selector);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void thePresenterOfEveryLessonPassesAxe(String lesson) {
        open("/lessons/" + lesson + "/present");
        showEveryStep(".present-step, .present-questions .question");
        assertAccessible("axe-present-" + lesson);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void theSpeakerWindowOfEveryLessonPassesAxe(String lesson) {
        open("/lessons/" + lesson + "/speaker");
        showEveryStep(".speaker-step");
        browser.js("document.querySelectorAll('details').forEach(d => d.open = true);");
        assertAccessible("axe-speaker-" + lesson);
    }

    @Test
    void theLearnerHandoutOfTheWholeCoursePassesAxe() {
        open("/handout");
        assertAccessible("axe-handout");
    }

    @Test
    void theFacilitatorPrintoutOfTheWholeCoursePassesAxe() {
        open("/facilitator");
        browser.js("document.querySelectorAll('details').forEach(d => d.open = true);");
        assertAccessible("axe-facilitator");
    }
}
