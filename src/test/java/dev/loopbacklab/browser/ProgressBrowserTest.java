package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Progress kept in the browser, with the fixture lab (lesson {@code first} has the check {@code
 * test-judge}): a passed check marks its lesson done, the index counts it, and progress can be
 * reset, exported and imported.
 */
class ProgressBrowserTest extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    LabServer startLab() {
        return TestLab.start(4, Duration.ofSeconds(20));
    }

    @BeforeEach
    void startFresh() {
        forgetProgress();
    }

    private void check(boolean pass) {
        WebElement panel = find("[data-check=test-judge]");
        WebElement box = panel.findElement(By.name("pass"));
        if (box.isSelected() != pass) {
            box.click();
        }
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
    }

    private String doneMark(String lesson) {
        return find("[data-done-for=" + lesson + "]").getText();
    }

    @Test
    void passingTheCheckMarksTheLessonDoneAndTheIndexCountsIt() {
        open("/lessons/first");
        check(false);
        assertTrue(find(".event-verdict.fail").isDisplayed());
        assertEquals("", doneMark("first"), "a failed check marks nothing");
        assertFalse(find(".lesson-reset").isDisplayed(), "nothing to reset yet");

        check(true);
        assertTrue(find(".event-verdict.pass").isDisplayed());
        assertEquals("✓ done", doneMark("first"));
        assertTrue(find(".lesson-reset").isDisplayed());
        assertAccessible("progress-check-passed");

        open("/");
        assertEquals("✓ done", doneMark("first"));
        assertEquals("", doneMark("second"));
        assertEquals("1 of 2 lessons done", find("[data-overall-progress]").getText());
        assertEquals("1 of 2 lessons done", find("[data-progress-summary]").getText());
        assertAccessible("progress-index-one-done");

        open("/lessons/second");
        assertEquals(
                "1 of 2 lessons done",
                find("[data-progress-summary]").getText(),
                "lesson pages count against the path the index showed");
    }

    @Test
    void aLessonCanBeResetAndSoCanEverything() {
        open("/lessons/first");
        check(true);
        find(".lesson-reset").click();
        assertEquals("", doneMark("first"));
        assertFalse(find(".lesson-reset").isDisplayed());
        assertEquals(
                "This lesson is no longer marked done.", find("[data-progress-message]").getText());
        open("/");
        assertEquals("0 of 2 lessons done", find("[data-overall-progress]").getText());

        open("/lessons/first");
        check(true);
        open("/");
        assertEquals("1 of 2 lessons done", find("[data-overall-progress]").getText());
        find("[data-progress-reset-all]").click();
        browser.driver().switchTo().alert().dismiss();
        assertEquals(
                "1 of 2 lessons done",
                find("[data-overall-progress]").getText(),
                "Cancel keeps it");
        find("[data-progress-reset-all]").click();
        browser.driver().switchTo().alert().accept();
        assertEquals("0 of 2 lessons done", find("[data-overall-progress]").getText());
        assertEquals("", doneMark("first"));
    }

    @Test
    void exportedProgressDownloadsAsJson() throws Exception {
        open("/lessons/first");
        check(true);
        open("/");
        find("[data-progress-export]").click();
        Path file = browser.downloads.resolve("loopback-lab-progress.json");
        browser.await(d -> Files.isRegularFile(file) && file.toFile().length() > 0);
        JsonNode progress = JSON.readTree(file.toFile());
        assertEquals("test-judge", progress.path("done").path("first").path("check").asText());
        assertFalse(progress.path("done").has("second"));
        assertTrue(
                find("[data-progress-message]").getText().contains("loopback-lab-progress.json"));
    }

    @Test
    void importedProgressFileMarksLessonsDone() throws Exception {
        Path good = Files.createTempFile("progress-", ".json");
        Path bad = Files.createTempFile("not-progress-", ".json");
        try {
            Files.writeString(
                    good,
                    "{\"done\": {\"second\": {\"check\": \"x\", \"at\": \"2026-11-26T10:00:00Z\"},"
                            + " \"Not An Id!\": {}}}");
            Files.writeString(bad, "this is not JSON");
            open("/");
            find("[data-progress-import]").sendKeys(good.toAbsolutePath().toString());
            browser.await(d -> doneMark("second").equals("✓ done"));
            assertEquals("", doneMark("first"));
            assertEquals("1 of 2 lessons done", find("[data-overall-progress]").getText());
            assertEquals("Imported 1 finished lesson.", find("[data-progress-message]").getText());

            find("[data-progress-import]").sendKeys(bad.toAbsolutePath().toString());
            browser.await(
                    d -> find("[data-progress-message]").getText().startsWith("That file is not"));
            assertEquals(
                    "1 of 2 lessons done", find("[data-overall-progress]").getText(), "unchanged");
            browser.screenshot("progress-imported");
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }
}
