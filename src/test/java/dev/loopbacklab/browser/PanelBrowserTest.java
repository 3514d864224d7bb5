package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Live panels in the fixture lab: Run with progress and a chart, Stop, and a refused parameter. */
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
    WebElement count = panel.findElement(org.openqa.selenium.By.name("count"));
    count.clear();
    count.sendKeys("300000");
    panel.findElement(org.openqa.selenium.By.cssSelector("button.run")).click();
    browser.await(d -> panel.findElements(org.openqa.selenium.By.cssSelector(".event-done")).size() == 1);
    assertTrue((Boolean) browser.js(ProgressWatch.SEEN), "the progress bar showed while counting");
    assertEquals("300000", panel.findElement(org.openqa.selenium.By.cssSelector(".fact-value")).getText());
    assertTrue(panel.findElement(org.openqa.selenium.By.cssSelector("figure.event-chart svg.chart")).isDisplayed());
    assertFalse(panel.findElement(org.openqa.selenium.By.cssSelector(".run-progress")).isDisplayed());
    assertTrue(panel.findElement(org.openqa.selenium.By.cssSelector("button.run")).isEnabled());
    assertAccessible("fixture-run-with-chart");
  }
}
