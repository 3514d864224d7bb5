package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Live panels in the fixture lab: Run with progress and a chart, Stop, a refused parameter, copy
 * buttons and the printed page.
 */
class PanelBrowserTest extends BrowserTestBase {
    @Override
    LabServer startLab() {
        return TestLab.start(4, Duration.ofSeconds(20));
    }

    @Test
    void runShowsProgressThenResultsWithAChart() {
        open("/lessons/first");
        browser.js(ProgressWatch.INSTALL, "[data-experiment=test-count]");
        WebElement panel = find("[data-experiment=test-count]");
        WebElement count = panel.findElement(By.name("count"));
        type(count, "300000");
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
        assertTrue(
                (Boolean) browser.js(ProgressWatch.SEEN), "the progress bar showed while counting");
        assertEquals("300000", panel.findElement(By.cssSelector(".fact-value")).getText());
        assertTrue(panel.findElement(By.cssSelector("figure.event-chart svg.chart")).isDisplayed());
        assertTrue(
                panel.findElement(By.cssSelector(".event-done"))
                        .getText()
                        .startsWith("Run completed in"));
        assertFalse(
                panel.findElement(By.cssSelector(".run-progress")).isDisplayed(),
                "progress hides at the end");
        assertTrue(panel.findElement(By.cssSelector("button.run")).isEnabled());
        assertFalse(panel.findElement(By.cssSelector("button.stop")).isEnabled());
        assertAccessible("panel-run-with-chart");
    }

    @Test
    void stopEndsALongRun() {
        open("/lessons/second");
        WebElement panel = find("[data-experiment=test-hold]");
        WebElement stop = panel.findElement(By.cssSelector("button.stop"));
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-fact")).size() == 1);
        assertTrue(stop.isEnabled(), "Stop is live while the run holds its port");
        assertFalse(panel.findElement(By.cssSelector("button.run")).isEnabled());
        assertEquals(1, lab.runs().active(), "one run is going");
        browser.screenshot("panel-long-run");
        stop.click();
        WebElement done = awaitDone(panel);
        assertTrue(done.getText().startsWith("Run stopped in"), done.getText());
        assertTrue(panel.findElement(By.cssSelector("button.run")).isEnabled());
        assertFalse(stop.isEnabled());
        browser.await(d -> lab.runs().active() == 0);
        browser.screenshot("panel-stopped");
    }

    @Test
    void badParameterShowsItsMessageNextToTheField() {
        open("/lessons/first");
        WebElement panel = find("[data-experiment=test-count]");
        WebElement error = runRefusedAt(panel, "count", "lots");
        assertEquals("test-count-count-error", error.getDomAttribute("id"));
        WebElement count = panel.findElement(By.name("count"));
        assertTrue(error.getText().contains("count"), error.getText());
        assertEquals("true", count.getDomAttribute("aria-invalid"));
        assertEquals(count, browser.active(), "focus moves to the field to fix");
        assertTrue(count.getDomAttribute("aria-describedby").contains("test-count-count-error"));
        assertTrue(panel.findElements(By.cssSelector(".results > *")).isEmpty(), "nothing ran");
        assertAccessible("panel-bad-parameter");

        type(count, "2");
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
        assertFalse(error.isDisplayed(), "the message goes once the value is good");
        assertEquals(null, count.getDomAttribute("aria-invalid"));
    }

    @Test
    void copyButtonCopiesTheCode() {
        open("/lessons/first");
        browser.cdp(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        origin(),
                        "permissions",
                        java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement block =
                findAll(".code-block").stream()
                        .filter(b -> b.getText().contains("int x = 1 + 1;"))
                        .findFirst()
                        .orElseThrow();
        WebElement copy = block.findElement(By.cssSelector("button.copy"));
        var copied = browser.watchText(copy, "Copied"); // shown for 1.5 s: a window to miss
        copy.click();
        browser.await(copied);
        Object clipboard =
                browser.jsAsync(
                        "const done = arguments[arguments.length - 1];"
                                + "navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertEquals("int x = 1 + 1;", String.valueOf(clipboard).strip());
        browser.await(d -> copy.getText().equals("Copy"));
    }

    @Test
    void printedLessonKeepsResultsAndChartsButNoControls() {
        open("/lessons/first");
        WebElement panel = find("[data-experiment=test-count]");
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
        browser.media("print");
        try {
            browser.screenshot("print-lesson");
            assertTrue(
                    panel.findElement(By.cssSelector("svg.chart")).isDisplayed(), "chart printed");
            assertTrue(
                    panel.findElement(By.cssSelector(".event-fact")).isDisplayed(),
                    "results printed");
            assertTrue(
                    ((Number)
                                            browser.js(
                                                    "return arguments[0].getBoundingClientRect().height;",
                                                    panel.findElement(
                                                            By.cssSelector(".chart-numbers p"))))
                                    .doubleValue()
                            > 0,
                    "the chart's numbers print even though their <details> is closed");
            for (String control :
                    new String[] {
                        "form.panel-form",
                        ".site-header",
                        "button.copy",
                        ".prev-next",
                        ".toc",
                        ".lesson-reset"
                    }) {
                assertTrue(
                        findAll(control).stream().noneMatch(WebElement::isDisplayed),
                        control + " hidden in print");
            }
        } finally {
            browser.media("");
        }
    }
}
