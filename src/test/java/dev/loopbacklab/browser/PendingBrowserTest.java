package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Pressing Run changes the panel at once, from the page itself: before the lab has sent the run a
 * single event, the panel is busy, says "Running…" with a moving bar, and offers Stop. The first
 * event can take a while on a cold or loaded machine (bench/README.md, {@code first-event}); the
 * learner must see that the press was taken meanwhile.
 */
class PendingBrowserTest extends BrowserTestBase {
    private static final CountDownLatch STARTED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Stands in for the fixture lesson's {@code test-count}: sends nothing until released. */
    static final class Held implements Experiment {
        public ExperimentInfo info() {
            return new ExperimentInfo("test-count", "Held", "Reports once the test lets it.");
        }

        public void run(Params params, Report report) throws InterruptedException {
            STARTED.countDown();
            RELEASE.await();
            report.say("Released.");
        }
    }

    @Override
    LabServer startLab() {
        return TestLab.start(
                new ExperimentRegistry(List.of(new Held())), 4, Duration.ofSeconds(60));
    }

    @Test
    void thePanelShowsTheRunBeforeAnyEventArrives() throws Exception {
        open("/lessons/first");
        WebElement panel = find("[data-experiment=test-count]");
        WebElement run = panel.findElement(By.cssSelector("button.run"));
        WebElement progress = panel.findElement(By.cssSelector(".run-progress"));
        assertFalse(progress.isDisplayed(), "no bar before Run");
        run.click();
        browser.await(d -> "true".equals(panel.getAttribute("aria-busy")));
        STARTED.await(); // the lab has the run, and the run has sent nothing
        assertTrue(progress.isDisplayed(), "the bar shows while nothing has arrived");
        assertEquals("Running…", progress.findElement(By.cssSelector(".progress-label")).getText());
        assertFalse(run.isEnabled(), "Run is taken");
        assertTrue(panel.findElement(By.cssSelector("button.stop")).isEnabled(), "Stop is offered");
        assertEquals(0, panel.findElements(By.cssSelector(".results > *")).size(), "no event yet");
        browser.screenshot("panel-pending");
        RELEASE.countDown();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
        assertEquals("Released.", panel.findElement(By.cssSelector(".results > p")).getText());
        assertFalse(progress.isDisplayed(), "the bar goes when the run ends");
    }
}
