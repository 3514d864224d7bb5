package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The real lab with the keyboard alone: Tab reaches every control of a lesson page and of the
 * index, and Enter, Space and typing use them — run, stop, check, copy, open notes, export, reset.
 */
class KeyboardBrowserTest extends BrowserTestBase {
    private static final String LESSON = "/lessons/loopback-echo";

    @Override
    LabServer startLab() {
        return realLab();
    }

    @SuppressWarnings("unchecked")
    private List<String> unreached() {
        return (List<String>) browser.js(Keyboard.UNREACHED);
    }

    @Test
    void tabReachesEveryControlOfALessonAndTheIndex() {
        for (String page : List.of(LESSON, "/")) {
            open(page);
            Keyboard keys = new Keyboard(browser);
            List<String> reached = keys.tabThrough(400);
            assertTrue(
                    reached.get(0).contains("Skip to the lesson"), "skip link first: " + reached);
            assertEquals(List.of(), unreached(), page + ": controls Tab never reached");
        }
    }

    @Test
    void skipLinkShowsWhenFocusedAndJumpsToTheLesson() {
        open(LESSON);
        Keyboard keys = new Keyboard(browser);
        keys.press(Keys.TAB);
        WebElement skip = browser.active();
        assertEquals("Skip to the lesson", skip.getText());
        assertTrue(skip.getRect().getX() >= 0 && skip.isDisplayed(), "visible when focused");
        browser.screenshot("keyboard-skip-link");
        keys.press(Keys.ENTER);
        keys.press(Keys.TAB);
        WebElement next = browser.active();
        assertTrue(
                (Boolean)
                        browser.js(
                                "return document.getElementById('main').contains(arguments[0]);",
                                next),
                "the next Tab lands inside the lesson, not the site header");
    }

    @Test
    void panelsRunStopAndCheckFromTheKeyboard() {
        open(LESSON);
        Keyboard keys = new Keyboard(browser);

        WebElement hello = find("[data-experiment=echo-hello]");
        assertTrue(keys.tabTo(hello.findElement(By.cssSelector("button.run")), 200));
        keys.press(Keys.ENTER);
        browser.await(d -> hello.findElements(By.cssSelector(".event-done")).size() == 1);
        assertEquals(
                hello.findElement(By.cssSelector("button.run")),
                browser.active(),
                "focus returns to Run");

        WebElement rtt = find("[data-experiment=echo-rtt]");
        WebElement count = rtt.findElement(By.name("count"));
        assertTrue(keys.tabTo(count, 200));
        keys.press("1000000"); // Tab selected the field's text, so typing replaces it
        assertEquals("1000000", count.getDomProperty("value"));
        keys.press(Keys.ENTER);
        browser.await(d -> rtt.findElement(By.cssSelector("button.stop")).isEnabled());
        keys.press(Keys.TAB);
        assertEquals(
                rtt.findElement(By.cssSelector("button.stop")),
                browser.active(),
                "Tab reaches Stop");
        keys.press(Keys.ENTER);
        WebElement done = awaitDone(rtt);
        assertTrue(done.getText().startsWith("Run stopped"), done.getText());
        assertEquals(
                rtt.findElement(By.cssSelector("button.run")),
                browser.active(),
                "focus back on Run");

        WebElement check = find("[data-check=echo-yours]");
        assertTrue(keys.tabTo(check.findElement(By.name("port")), 50));
        keys.press("1", Keys.ENTER);
        browser.await(d -> check.findElements(By.cssSelector(".event-done")).size() == 1);
        assertTrue(
                check.findElement(By.cssSelector(".event-verdict")).getText().contains("Not yet"));
        browser.screenshot("keyboard-panels");
    }

    @Test
    void copyNotesAndProgressToolsWorkFromTheKeyboard() throws Exception {
        open(LESSON);
        Keyboard keys = new Keyboard(browser);
        WebElement copy = find(".code-block button.copy");
        assertTrue(keys.tabTo(copy, 200));
        var copied = browser.watchText(copy, "Copied"); // shown for 1.5 s: a window to miss
        keys.press(Keys.ENTER);
        browser.await(copied);

        WebElement notes = find("details.facilitator-notes");
        assertTrue(keys.tabTo(notes.findElement(By.tagName("summary")), 300));
        keys.press(Keys.SPACE);
        browser.await(d -> notes.getDomProperty("open").equals("true"));

        forgetProgress();
        browser.js(
                "localStorage.setItem('loopback-lab.progress.v1', JSON.stringify({done: {'loopback-echo':"
                        + " {check: 'echo-yours', at: '2026-11-26T10:00:00Z'}}}));");
        open("/");
        WebElement export = find("[data-progress-export]");
        assertTrue(keys.tabTo(export, 50));
        keys.press(Keys.ENTER);
        Path file = browser.downloads.resolve("loopback-lab-progress.json");
        browser.await(d -> Files.isRegularFile(file) && file.toFile().length() > 0);
        assertTrue(Files.readString(file).contains("loopback-echo"));

        WebElement reset = find("[data-progress-reset-all]");
        assertTrue(keys.tabTo(reset, 10));
        keys.press(Keys.ENTER);
        browser.driver().switchTo().alert().accept();
        assertTrue(find("[data-overall-progress]").getText().startsWith("0 of "));
        assertEquals(reset, browser.active(), "focus stays on the button");
    }
}
