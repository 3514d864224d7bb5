package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.testing.EventSamples;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.view.EventHtml;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page renders every kind of event the lab can send: a run that reports one of each shows each
 * one's fragment, in order, and moves the progress bar. A new kind of {@link Event} the page could
 * not show fails here (its sample is required by {@code EventTypesTest}).
 */
class EveryEventBrowserTest extends BrowserTestBase {
    /** Stands in for the fixture lesson's {@code test-count} panel and reports every sample. */
    static final class EveryEvent implements Experiment {
        public ExperimentInfo info() {
            return new ExperimentInfo(
                    "test-count", "Every event", "Reports one event of each kind.");
        }

        public void run(Params params, Report report) {
            EventSamples.all().forEach(report::emit);
        }
    }

    @Override
    LabServer startLab() {
        return TestLab.start(
                new ExperimentRegistry(List.of(new EveryEvent())), 4, Duration.ofSeconds(20));
    }

    @Test
    void showsEveryKindOfEventItIsSent() {
        open("/lessons/first");
        browser.js(ProgressWatch.INSTALL, "[data-experiment=test-count]");
        WebElement panel = find("[data-experiment=test-count]");
        runPanel(panel);
        List<String> expected =
                EventSamples.all().stream()
                        .filter(e -> !(e instanceof Event.Progress))
                        .map(e -> firstClass(EventHtml.render(e)))
                        .toList();
        List<String> shown =
                panel.findElements(By.cssSelector(".results > *")).stream()
                        .map(e -> e.getAttribute("class").split(" ")[0])
                        .filter(c -> !c.equals("event-done"))
                        .toList();
        assertEquals(expected, shown);
        assertTrue((Boolean) browser.js(ProgressWatch.SEEN), "the progress bar moved");
    }

    private static String firstClass(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0).className().split(" ")[0];
    }
}
