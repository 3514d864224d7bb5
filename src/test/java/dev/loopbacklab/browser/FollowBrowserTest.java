package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.Summary;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.RoomLabs;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/**
 * Follow the teacher, with two real labs on loopback: the teacher's (a room open, its presenter in
 * one window) and a learner's (joined; its lesson page in another window). The learner's page talks
 * only to its own lab.
 */
class FollowBrowserTest extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RoomLabs labs = RoomLabs.real();
    private LabServer teacher;

    @Override
    LabServer startLab() {
        teacher = labs.teacher();
        LabServer learner = labs.learner(null);
        labs.joinFromTheLab(learner, "Ada");
        return learner;
    }

    @AfterAll
    void stopTeacher() throws IOException {
        labs.close();
    }

    /** What the learner sees (the viewport, with the fixed bar), as target/screenshots/NAME.png. */
    private void viewport(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    ((org.openqa.selenium.TakesScreenshot) browser.driver())
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String figures() {
        return find(".room-figures").getText().replaceAll("\\s+", " ");
    }

    private String teacherOrigin() {
        return "http://127.0.0.1:" + teacher.port();
    }

    private void press(CharSequence key) {
        browser.driver().findElement(By.tagName("body")).sendKeys(key);
    }

    /** The step the learner's lab has relayed from the room (read as its pages read it). */
    private int relayedStep() {
        try {
            return JSON.readTree(RawHttp.get(lab.port(), "/api/follow", "127.0.0.1").body())
                    .path("step")
                    .asInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String marked() {
        return String.valueOf(
                browser.js(
                        "const m = document.querySelectorAll('.followed-step');"
                                + "return m.length === 1 ? m[0].id + '|' + m[0].getAttribute('aria-current')"
                                + " : m.length + ' marked';"));
    }

    /** Whether the marked heading is near the top of the learner's viewport. */
    private boolean markedInView() {
        return Boolean.TRUE.equals(
                browser.js(
                        "const m = document.querySelector('.followed-step'); if (!m) return false;"
                                + "const top = m.getBoundingClientRect().top;"
                                + "return top > -2 && top < window.innerHeight * 0.4;"));
    }

    @Test
    void aFollowingLearnersPageGoesToTheTeachersStepAndStaysPutAfterStopping() {
        open("/lessons/port-binding");
        String learner = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        String presenter = browser.driver().getWindowHandle();
        try {
            browser.open(teacherOrigin() + "/lessons/port-binding");
            browser.js("localStorage.clear();");
            browser.open(teacherOrigin() + "/lessons/port-binding/present");
            browser.await(d -> "port-binding".equals(teacher.workshop().presented().lesson()));

            browser.driver().switchTo().window(learner);
            browser.js("localStorage.clear();");
            open("/lessons/port-binding");
            browser.await(d -> !findAll(".follow-bar button").isEmpty());
            assertEquals("false", find(".follow-toggle").getAttribute("aria-pressed"));
            assertAccessible("follow-offered");
            find(".follow-toggle").sendKeys(Keys.SPACE); // by keyboard: it is a plain button
            assertEquals("true", find(".follow-toggle").getAttribute("aria-pressed"));
            browser.await(d -> marked().equals("|step")); // the opening: the lesson's h1

            browser.driver().switchTo().window(presenter);
            press(Keys.ARROW_RIGHT);
            press(Keys.ARROW_RIGHT);
            browser.await(d -> find(".step-number").getText().equals("3"));

            browser.driver().switchTo().window(learner);
            browser.await(d -> marked().equals("bad-port-numbers|step"));
            browser.await(d -> markedInView());
            assertTrue(
                    find(".follow-status").getText().contains("step 3 of 8, “Bad port numbers”"),
                    find(".follow-status").getText());
            for (String scheme : List.of("light", "dark")) {
                browser.colorScheme(scheme);
                for (int width : new int[] {1280, 390}) {
                    browser.viewportWidth(width);
                    browser.js("document.querySelector('.followed-step').scrollIntoView();");
                    viewport("follow-" + width + "-" + scheme);
                }
            }
            browser.viewportWidth(0);
            browser.colorScheme(null);
            assertAccessible("follow-following");

            // The learner stops: the teacher moves on, the learner's lab hears of it, the page
            // stays where it is and marks nothing.
            find(".follow-toggle").sendKeys(Keys.ENTER);
            assertEquals("false", find(".follow-toggle").getAttribute("aria-pressed"));
            browser.js("window.scrollTo(0, 200);");
            long scrolled = ((Number) browser.js("return Math.round(window.scrollY);")).longValue();
            browser.driver().switchTo().window(presenter);
            press(Keys.ARROW_RIGHT);
            browser.await(d -> find(".step-number").getText().equals("4"));
            browser.driver().switchTo().window(learner);
            browser.await(d -> relayedStep() == 3);
            // a question of our own that the lab answers with the new step, like the page's was
            browser.jsAsync(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/follow').then(r => r.json()).then(s =>"
                            + " fetch('/api/follow?after=' + (s.version - 1))).then(() =>"
                            + " setTimeout(() => requestAnimationFrame(() => done(true)), 0));");
            assertEquals("0 marked", marked());
            assertEquals(
                    scrolled,
                    ((Number) browser.js("return Math.round(window.scrollY);")).longValue(),
                    "a page that stopped following does not move");
            assertTrue(find(".follow-status").getText().startsWith("Not following"));
        } finally {
            browser.driver().switchTo().window(presenter).close();
            browser.driver().switchTo().window(learner);
            browser.requestedUrls(); // the presenter's window was the teacher's lab, on purpose
        }
    }

    @Test
    void aFollowingPageGoesToTheLessonTheTeacherPresents() {
        open("/lessons/port-binding");
        browser.js("localStorage.setItem('loopback-lab.follow.v1', 'yes');");
        String learner = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        String presenter = browser.driver().getWindowHandle();
        try {
            browser.open(teacherOrigin() + "/lessons/you-are-here");
            browser.js("localStorage.clear();");
            browser.open(teacherOrigin() + "/lessons/you-are-here/present");
            browser.await(d -> "you-are-here".equals(teacher.workshop().presented().lesson()));
            browser.driver().switchTo().window(learner);
            open("/lessons/port-binding");
            browser.await(
                    d ->
                            String.valueOf(browser.js("return location.pathname"))
                                    .equals("/lessons/you-are-here"));
            browser.await(d -> marked().startsWith("|step") || marked().endsWith("|step"));
            assertEquals(
                    "H1", browser.js("return document.querySelector('.followed-step').tagName"));
        } finally {
            browser.driver().switchTo().window(presenter).close();
            browser.driver().switchTo().window(learner);
            browser.js("localStorage.removeItem('loopback-lab.follow.v1');");
            browser.requestedUrls();
        }
    }

    @Test
    void thePresenterAndTheSpeakerWindowShowTheRoomsNumbersForTheStepThatRunsTheExperiment()
            throws Exception {
        RoomStore room = teacher.workshop().room();
        long grace = room.join("Grace", "linux").get(10, TimeUnit.SECONDS).learner();
        room.record(
                        grace,
                        new Summary(
                                "figures-1",
                                "echo-rtt",
                                null,
                                "linux",
                                Map.of("tcp-p50-us", "12.5"),
                                System.currentTimeMillis() * 1000))
                .get(10, TimeUnit.SECONDS);
        String learner = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        String presenter = browser.driver().getWindowHandle();
        try {
            browser.open(teacherOrigin() + "/lessons/loopback-echo");
            browser.js("localStorage.clear();");
            browser.open(teacherOrigin() + "/lessons/loopback-echo/present");
            assertFalse(find(".room-figures").isDisplayed(), "the opening runs no such experiment");
            long step =
                    (Long)
                            browser.js(
                                    "return [...document.querySelectorAll('.present-step')]"
                                            + ".findIndex(s => s.dataset.roomExperiments.includes('echo-rtt'));");
            assertTrue(step > 0, "loopback-echo runs echo-rtt in one of its steps");
            for (int i = 0; i < step; i++) {
                press(Keys.ARROW_RIGHT);
            }
            browser.await(d -> find(".room-figures").isDisplayed());
            browser.await(d -> figures().contains("10–20 µs 1 of 1"));
            String text = figures();
            assertTrue(text.contains("echo-rtt: each machine's TCP round-trip median"), text);
            assertTrue(text.contains("10–20 µs 1 of 1"), "in words and numbers: " + text);
            assertTrue(text.contains("The room's operating systems"), "the OS mix: " + text);
            for (String scheme : List.of("light", "dark")) {
                browser.colorScheme(scheme);
                for (int[] size : new int[][] {{1920, 1080}, {1280, 800}, {390, 780}}) {
                    browser.cdp(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of(
                                    "width",
                                    size[0],
                                    "height",
                                    size[1],
                                    "deviceScaleFactor",
                                    1,
                                    "mobile",
                                    size[0] < 500));
                    browser.js("document.querySelector('.room-figures').scrollIntoView();");
                    viewport("room-figures-" + size[0] + "-" + scheme);
                }
            }
            browser.viewportWidth(0);
            browser.colorScheme(null);
            assertAccessible("room-figures-presenter");

            // a second machine's median arrives: the presenter shows it without a reload
            long alan = room.join("Alan", "macos").get(10, TimeUnit.SECONDS).learner();
            room.record(
                            alan,
                            new Summary(
                                    "figures-2",
                                    "echo-rtt",
                                    null,
                                    "macos",
                                    Map.of("tcp-p50-us", "30"),
                                    System.currentTimeMillis() * 1000))
                    .get(10, TimeUnit.SECONDS);
            browser.await(d -> figures().contains("20–50 µs 1 of 2"));

            browser.open(teacherOrigin() + "/lessons/loopback-echo/speaker");
            browser.await(d -> find(".room-figures").isDisplayed());
            browser.await(d -> figures().contains("20–50 µs 1 of 2"));
            assertAccessible("room-figures-speaker");
        } finally {
            browser.driver().switchTo().window(presenter).close();
            browser.driver().switchTo().window(learner);
            browser.requestedUrls();
        }
    }
}
