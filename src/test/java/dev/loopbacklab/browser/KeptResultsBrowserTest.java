package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Results that stay: a panel's last results come back, with their time, after a reload; a new run
 * keeps the previous one below the panel to compare; a waiting check counts down and offers its
 * address and commands to copy, and Stop ends it.
 */
class KeptResultsBrowserTest extends BrowserTestBase {
    @Override
    LabServer startLab() {
        return realLab();
    }

    private WebElement panel(String id) {
        return find("[data-experiment=" + id + "], [data-check=" + id + "]");
    }

    private List<String> keptSummaries(String id) {
        return panel(id)
                .findElement(By.xpath("following-sibling::div[@class='previous-runs']"))
                .findElements(By.cssSelector(".previous-run > summary"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aPanelsLastResultsComeBackAfterAReloadAndRunsStackToCompare() {
        forgetProgress();
        open("/lessons/loopback-echo");
        WebElement hello = panel("echo-hello");
        WebElement message = hello.findElement(By.name("message"));
        type(message, "first run");
        runPanel(hello);
        open("/lessons/loopback-echo");
        List<String> kept = keptSummaries("echo-hello");
        assertEquals(1, kept.size(), kept::toString);
        assertTrue(
                kept.get(0)
                        .matches("Your last run before this page loaded, \\d\\d:\\d\\d:\\d\\d.*"),
                kept.get(0));
        assertTrue(
                find(".previous-runs .previous-run").getText().contains("first run"),
                "the kept results show the message sent");
        hello = panel("echo-hello");
        message = hello.findElement(By.name("message"));
        type(message, "second run");
        runPanel(hello);
        type(message, "third run");
        hello.findElement(By.cssSelector("button.run")).click();
        WebElement again = hello;
        browser.await(
                d ->
                        again.findElements(By.cssSelector(".event-done")).size() == 1
                                && again.getText().contains("third run"));
        kept = keptSummaries("echo-hello");
        assertEquals(2, kept.size(), kept::toString);
        assertTrue(kept.get(0).startsWith("Previous run, "), kept.toString());
        assertTrue(
                hello.findElement(By.xpath("following-sibling::div[@class='previous-runs']"))
                        .getDomProperty("innerHTML")
                        .contains("second run"),
                "the previous run is kept to compare");
        browser.screenshot(hello, "kept-results");
    }

    @Test
    void aWaitingCheckCountsDownOffersItsCommandsToCopyAndStops() {
        open("/lessons/you-are-here");
        WebElement check = panel("here-two-tabs");
        WebElement seconds = check.findElement(By.name("wait-seconds"));
        type(seconds, "60");
        check.findElement(By.cssSelector("button.run")).click();
        browser.await(
                d ->
                        check.findElements(By.cssSelector(".fact-note")).stream()
                                .anyMatch(n -> n.getText().matches("waiting: \\d+ s left")));
        List<String> copyable =
                check.findElements(By.cssSelector(".event-fact")).stream()
                        .filter(f -> !f.findElements(By.cssSelector("button.copy-fact")).isEmpty())
                        .map(f -> f.findElement(By.cssSelector(".fact-label")).getText())
                        .toList();
        assertEquals(List.of("listening on", "curl", "browser"), copyable);
        browser.screenshot(check, "waiting-countdown");
        check.findElement(By.cssSelector("button.stop")).click();
        browser.await(d -> check.findElements(By.cssSelector(".event-done")).size() == 1);
        assertTrue(
                check.findElement(By.cssSelector(".event-done"))
                        .getText()
                        .startsWith("Run stopped"));
    }
}
