package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.net.EchoServer;
import dev.loopbacklab.web.LabServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Lesson 01 in the real lab, as a learner meets it: from the index to the lesson, round trips
 * measured with progress and charts, a long run stopped, a bad port refused at its field, and the
 * echo-yours challenge failing, then passing against a real echo server, which marks the lesson
 * done on the index.
 */
class EchoLessonBrowserTest extends BrowserTestBase {
    private static final String LESSON = "loopback-echo";

    @Override
    LabServer startLab() {
        return realLab();
    }

    private WebElement panel(String id) {
        return find("[data-experiment=" + id + "], [data-check=" + id + "]");
    }

    @Test
    void indexLeadsToTheLessonAndItsRoundTripsShowProgressThenCharts() {
        open("/");
        findAll("li.lesson-card").stream()
                .filter(c -> LESSON.equals(c.getDomAttribute("data-lesson")))
                .findFirst()
                .orElseThrow()
                .findElement(By.tagName("a"))
                .click();
        browser.await(d -> d.getCurrentUrl().endsWith("/lessons/" + LESSON));
        browser.js(ProgressWatch.INSTALL, "[data-experiment=echo-rtt]");
        WebElement rtt = panel("echo-rtt");
        type(rtt.findElement(By.name("count")), "3000");
        runPanel(rtt);
        assertTrue((Boolean) browser.js(ProgressWatch.SEEN), "progress showed during the run");
        assertTrue(
                rtt.findElement(By.cssSelector(".event-done"))
                        .getText()
                        .startsWith("Run completed"));
        assertTrue(rtt.findElements(By.cssSelector("svg.chart")).size() >= 1, "a chart");
        assertTrue(rtt.findElement(By.cssSelector("svg.chart")).isDisplayed());
        assertTrue(rtt.findElement(By.cssSelector("table")).getText().contains("TCP"));
        browser.screenshot(rtt, "echo-rtt-results");
        assertAccessible("echo-rtt-results-page");
    }

    @Test
    void stopEndsALongRoundTripRun() {
        open("/lessons/" + LESSON);
        browser.js(ProgressWatch.INSTALL, "[data-experiment=echo-rtt]");
        WebElement rtt = panel("echo-rtt");
        type(rtt.findElement(By.name("count")), "1000000");
        rtt.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> (Boolean) browser.js(ProgressWatch.SEEN));
        browser.screenshot(rtt, "echo-rtt-running");
        rtt.findElement(By.cssSelector("button.stop")).click();
        WebElement done = awaitDone(rtt);
        assertTrue(done.getText().startsWith("Run stopped"), done.getText());
        assertTrue(
                rtt.findElements(By.cssSelector("svg.chart")).isEmpty(),
                "no results from a stopped run");
        browser.await(d -> lab.runs().active() == 0);
    }

    @Test
    void badPortIsShownAtItsField() {
        open("/lessons/" + LESSON);
        WebElement check = panel("echo-yours");
        WebElement error = runRefusedAt(check, "port", "70000");
        WebElement port = check.findElement(By.name("port"));
        assertTrue(
                error.getText().contains("70000")
                        || error.getText().contains("65535")
                        || error.getText().contains("65,535"),
                error.getText());
        assertEquals("true", port.getDomAttribute("aria-invalid"));
        assertTrue(
                find("[data-field=host] .field-error").getText().isEmpty(),
                "only the port is blamed");
        browser.screenshot(check, "echo-yours-bad-port");
        assertAccessible("echo-yours-bad-port-page");
    }

    @Test
    void echoYoursFailsWithNothingListeningThenPassesAndTheLessonIsDone() throws Exception {
        forgetProgress();
        open("/lessons/" + LESSON);
        WebElement check = panel("echo-yours");
        runOnPort(check, freePort());
        WebElement verdict = check.findElement(By.cssSelector(".event-verdict"));
        assertTrue(verdict.getDomAttribute("class").contains("fail"));
        assertTrue(verdict.getText().contains("Connection refused"), verdict.getText());
        assertEquals("", find("[data-done-for=" + LESSON + "]").getText());
        browser.screenshot(check, "echo-yours-failed");

        try (EchoServer server = EchoServer.start("127.0.0.1", 0)) {
            runOnPort(check, server.port());
            WebElement passed = check.findElement(By.cssSelector(".event-verdict"));
            assertTrue(passed.getDomAttribute("class").contains("pass"), passed.getText());
            browser.await(d -> server.bytesEchoed() > 0); // the check really talked to this server
            browser.screenshot(check, "echo-yours-passed");
        }
        assertEquals("✓ done", find("[data-done-for=" + LESSON + "]").getText());

        int lessons = LessonCatalog.load(Path.of("lessons")).lessons().size();
        open("/");
        WebElement card = find("li.lesson-card[data-lesson=" + LESSON + "]");
        assertEquals("✓ done", card.findElement(By.cssSelector(".lesson-done")).getText());
        assertEquals(
                "1 of " + lessons + " lessons done", find("[data-overall-progress]").getText());
        assertAccessible("index-echo-done");

        open("/lessons/" + LESSON);
        find(".lesson-reset").click();
        assertEquals("", find("[data-done-for=" + LESSON + "]").getText());
        open("/");
        assertEquals(
                "0 of " + lessons + " lessons done", find("[data-overall-progress]").getText());
        assertFalse(find("li.lesson-card[data-lesson=" + LESSON + "] .lesson-done").isDisplayed());
    }

    /** A port nothing listens on: bound by the OS, read, released. */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
