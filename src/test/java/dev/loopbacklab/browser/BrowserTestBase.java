package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What every browser scenario shares: one lab and one browser per test class, and after each
 * scenario the two promises the site makes everywhere — no request leaves the lab's own origin, and
 * the console shows no error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserAvailable.class)
// A browser test drives Chromium through many states (each one waited for, never timed); on two
// cores shared with a second suite a heavy one took 60-90 s, past the suite's 60 s default.
// This limit only ends a test that is stuck.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class BrowserTestBase {
    Browser browser;
    LabServer lab;

    /**
     * Console errors a scenario expects (e.g. the 400 of a refused run), removed before the check.
     */
    final List<String> expectedConsoleErrors = new ArrayList<>();

    /** The lab this class's scenarios use. */
    abstract LabServer startLab();

    @BeforeAll
    void startBrowserAndLab() {
        browser = Browser.startOrSkip();
        lab = startLab();
        // what the browser fetched for its own start page is not the lab's doing
        browser.requestedUrls();
        browser.consoleErrors();
    }

    @AfterAll
    void stopBrowserAndLab() {
        // the browser first, so the lab has no open connections left to wait for
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    /**
     * Set by a scenario whose page talks to the lab's own other loopback origins on purpose (lesson
     * 11's second origin and toy server); anything beyond loopback still fails.
     */
    boolean otherLoopbackOriginsExpected;

    private static final java.util.regex.Pattern LOOPBACK_ORIGIN =
            java.util.regex.Pattern.compile(
                    "http://(127\\.0\\.0\\.1|0\\.0\\.0\\.0|([a-z0-9-]+\\.)*localhost)(:\\d+)?/.*");

    @AfterEach
    void nothingLeftTheOriginAndTheConsoleIsClean() {
        boolean loopbackAllowed = otherLoopbackOriginsExpected;
        otherLoopbackOriginsExpected = false;
        String origin = origin();
        List<String> foreign =
                browser.requestedUrls().stream()
                        .filter(
                                url ->
                                        !url.startsWith(origin + "/")
                                                && !url.startsWith("data:")
                                                && !url.startsWith("blob:" + origin + "/")
                                                && !url.startsWith("about:")
                                                && !(loopbackAllowed
                                                        && LOOPBACK_ORIGIN.matcher(url).matches())
                                                && !url.startsWith("chrome:"))
                        .toList();
        assertEquals(List.of(), foreign, "requests outside " + origin);
        List<String> errors = new ArrayList<>(browser.consoleErrors());
        errors.removeIf(e -> expectedConsoleErrors.stream().anyMatch(e::contains));
        // Chromium aborts its requests in flight with ERR_NETWORK_CHANGED whenever this machine's
        // interfaces change: another suite on the same machine adding its veth pair (testing.
        // OtherMachine) is enough. That says nothing about the page; what the aborted resource
        // was for is still checked by the scenario's own assertions.
        errors.removeIf(e -> e.contains("net::ERR_NETWORK_CHANGED"));
        expectedConsoleErrors.clear();
        assertEquals(List.of(), errors, "console errors");
    }

    /** The real lab: this repository's lessons and site, every real experiment. */
    static LabServer realLab() {
        return TestLab.real();
    }

    /** Presses Run (or Check) on a panel and waits for the run to end. */
    WebElement runPanel(WebElement panel) {
        panel.findElement(By.cssSelector("button.run")).click();
        browser.await(d -> panel.findElements(By.cssSelector(".event-done")).size() == 1);
        return panel;
    }

    /** Waits for a panel's run to end and returns its closing line. */
    WebElement awaitDone(WebElement panel) {
        return browser.await(
                d ->
                        panel.findElements(By.cssSelector(".event-done")).stream()
                                .findFirst()
                                .orElse(null));
    }

    /** Replaces a field's value with {@code text}, as a learner clearing it and typing does. */
    static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Types {@code port} into a panel's port field and presses Run (or Check); see runPanel. */
    WebElement runOnPort(WebElement panel, int port) {
        type(panel.findElement(By.name("port")), Integer.toString(port));
        return runPanel(panel);
    }

    /**
     * Types {@code bad} into {@code panel}'s field {@code name}, presses Run (the lab refuses it
     * with a 400, which the console shows) and waits for the message at that field.
     */
    WebElement runRefusedAt(WebElement panel, String name, String bad) {
        type(panel.findElement(By.name(name)), bad);
        expectedConsoleErrors.add("status of 400");
        panel.findElement(By.cssSelector("button.run")).click();
        return browser.await(
                d -> {
                    WebElement error =
                            panel.findElement(
                                    By.cssSelector("[data-field=" + name + "] .field-error"));
                    return error.isDisplayed() ? error : null;
                });
    }

    String origin() {
        return "http://127.0.0.1:" + lab.port();
    }

    void open(String path) {
        browser.open(origin() + path);
        browser.await(d -> browser.js("return document.readyState").equals("complete"));
    }

    /** Opens the origin's index and forgets every bit of progress this browser kept. */
    void forgetProgress() {
        open("/");
        browser.js("localStorage.clear();");
    }

    WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    /** Saves a screenshot and asserts axe finds nothing serious or critical on the page. */
    void assertAccessible(String screenshotName) {
        browser.screenshot(screenshotName);
        List<String> violations = Axe.seriousViolations(browser);
        assertTrue(
                violations.isEmpty(),
                "axe on " + screenshotName + ":\n" + String.join("\n", violations));
    }

    /** Asserts the page is no wider than the viewport. */
    void assertNoHorizontalOverflow(String page) {
        Object widths =
                browser.js(
                        "const e = document.documentElement;"
                                + "return [e.scrollWidth, e.clientWidth];");
        @SuppressWarnings("unchecked")
        List<Number> w = (List<Number>) widths;
        assertTrue(
                w.get(0).longValue() <= w.get(1).longValue(),
                page
                        + " overflows: scrollWidth "
                        + w.get(0)
                        + " > clientWidth "
                        + w.get(1)
                        + "; widest: "
                        + browser.js(WIDEST));
    }

    /** The outermost elements sticking out of the viewport, skipping those inside a scroller. */
    private static final String WIDEST =
            """
      const w = document.documentElement.clientWidth, out = [];
      const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
      document.querySelectorAll('body *').forEach(el => {
        const r = el.getBoundingClientRect();
        if (r.right > w + 0.5 && !clipped(el) && el.parentElement.getBoundingClientRect().right <= w + 0.5) {
          out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right) + ' "'
              + el.textContent.slice(0, 40) + '"');
        }
      });
      return out.slice(0, 8).join(', ');
      """;
}
