package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page uses the screen, measured as Chromium lays it out: at 1280 px the table of contents sits
 * beside the text and no code block or table is wider than its box unless a visible hint says it
 * scrolls; at 390 px the result columns of echo-rtt and the process column of listening-table are
 * in view or named by a visible hint. Every lesson is saved as a screenshot at both widths, light
 * and dark, to be looked at.
 */
class ReadingLayoutBrowserTest extends BrowserTestBase {
    /**
     * Every {@code pre} and table shown in the lesson that is wider than its box, without a visible
     * {@code .scroll-hint} right above it: "tag.class (scrollWidth > clientWidth): start of text".
     */
    static final String CLIPPED =
            """
      const scope = arguments[0] || document.querySelector('main'), out = [];
      scope.querySelectorAll('pre, table').forEach(el => {
        if (!el.getClientRects().length || el.closest('details:not([open])')) return;
        if (el.scrollWidth <= el.clientWidth) return;
        const hint = el.previousElementSibling;
        const shown = hint && hint.classList.contains('scroll-hint') && hint.offsetHeight > 0
            && hint.textContent.trim().length > 0;
        if (!shown) out.push(el.tagName.toLowerCase() + '.' + el.className + ' (' + el.scrollWidth
            + ' > ' + el.clientWidth + '): ' + el.textContent.trim().slice(0, 60));
      });
      return out;
      """;

    @Override
    LabServer startLab() {
        return realLab();
    }

    static Stream<String> lessonIds() {
        return LessonCatalog.load(Path.of("lessons")).lessons().stream().map(Lesson::id);
    }

    /** Opens {@code path} laid out {@code px} wide, measured by lab.js at that width. */
    private void openAt(String path, int px) {
        browser.viewportWidth(px);
        open(path);
        width(px);
    }

    /**
     * Lays the open page out {@code px} wide and waits until lab.js has measured it at that width.
     */
    private void width(int px) {
        browser.viewportWidth(px);
        browser.await(
                d ->
                        String.valueOf(px)
                                .equals(
                                        browser.js(
                                                "return document.documentElement.getAttribute('data-scroll-measured');")));
    }

    @SuppressWarnings("unchecked")
    private List<String> clipped(WebElement scope) {
        return (List<String>) browser.js(CLIPPED, scope);
    }

    @ParameterizedTest
    @MethodSource("lessonIds")
    void nothingIsClippedWithoutAHintAt1280And390(String id) {
        // lesson 11 measures what the browser does with the lab's other loopback origins
        otherLoopbackOriginsExpected = id.equals("browser-and-localhost");
        if (otherLoopbackOriginsExpected) {
            expectedConsoleErrors.addAll(
                    List.of("blocked by CORS policy", "Failed to load resource"));
        }
        openAt("/lessons/" + id, 1280);
        // with every experiment's results on the page, as a learner who ran them sees it
        for (WebElement panel : findAll("[data-experiment]")) {
            runPanel(panel);
        }
        for (int px : new int[] {1280, 390}) {
            width(px);
            assertEquals(List.of(), clipped(null), id + " at " + px + " px");
            for (String scheme : new String[] {"light", "dark"}) {
                browser.colorScheme(scheme);
                browser.screenshot("layout-" + id + "-" + px + "-" + scheme);
            }
            browser.colorScheme(null);
        }
        browser.viewportWidth(0);
    }

    @Test
    void lessonCodeNamedInTheIssueFitsAt1280WithoutScrolling() {
        // the exposure lesson's JShell cells and the H2 command of the database lesson
        for (Map.Entry<String, String> page :
                Map.of(
                                "exposure", "[data-jshell-cell] pre",
                                "database-on-localhost", ".lesson-body .code-block pre")
                        .entrySet()) {
            openAt("/lessons/" + page.getKey(), 1280);
            List<WebElement> blocks = findAll(page.getValue());
            assertTrue(blocks.size() >= 1, page.getKey());
            for (WebElement pre : blocks) {
                Number over =
                        (Number)
                                browser.js(
                                        "return arguments[0].scrollWidth - arguments[0].clientWidth;",
                                        pre);
                assertTrue(
                        over.intValue() <= 0,
                        page.getKey() + ": " + pre.getText().lines().findFirst().orElse(""));
            }
        }
        browser.viewportWidth(0);
    }

    @Test
    void tableOfContentsSitsBesideTheTextAndFollowsTheReader() {
        openAt("/lessons/exposure", 1280);
        WebElement toc = find("nav.toc");
        assertEquals(
                "On this page",
                browser.js(
                        "const n = arguments[0];"
                                + "return document.getElementById(n.getAttribute('aria-labelledby')).textContent;",
                        toc),
                "a navigation landmark named by its heading");
        WebElement body = find(".lesson-body");
        assertTrue(
                toc.getRect().getX() >= body.getRect().getX() + body.getRect().getWidth(),
                "beside the text, not above it: toc at x=" + toc.getRect().getX());
        assertTrue(
                toc.getRect().getY() < body.getRect().getY() + 200,
                "level with the start of the text");
        List<WebElement> links = toc.findElements(By.cssSelector("a"));
        WebElement third = links.get(2);
        String target = third.getDomAttribute("href").substring(1);
        browser.js(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", target);
        browser.await(d -> "location".equals(third.getDomAttribute("aria-current")));
        assertEquals(
                1L,
                browser.js("return document.querySelectorAll('nav.toc [aria-current]').length;"),
                "one section marked");
        Number top = (Number) browser.js("return arguments[0].getBoundingClientRect().top;", toc);
        assertTrue(
                top.doubleValue() >= 0 && top.doubleValue() < 100,
                "sticky: still in view after scrolling, top " + top);
        // the keyboard gets there and back: a link of the table takes focus and moves the page
        browser.js("arguments[0].focus();", links.get(0));
        assertEquals(links.get(0), browser.active());
        links.get(0).sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.await(d -> "location".equals(links.get(0).getDomAttribute("aria-current")));
        browser.viewportWidth(0);
    }

    @Test
    void resultColumnsAreInViewOrNamedByAHintAt390() {
        openAt("/lessons/loopback-echo", 390);
        WebElement rtt = find("[data-experiment=echo-rtt]");
        WebElement count = rtt.findElement(By.name("count"));
        type(count, "200");
        runPanel(rtt);
        assertResultsReachable(rtt, List.of("p50", "p90", "p99", "max"));
        browser.screenshot(rtt, "layout-echo-rtt-390");

        openAt("/lessons/who-is-listening", 390);
        WebElement listening = find("[data-experiment=listening-table]");
        runPanel(listening);
        assertResultsReachable(listening, List.of("process"));
        browser.screenshot(listening, "layout-listening-table-390");
        browser.viewportWidth(0);
    }

    /**
     * Each of {@code columns} in the panel's first table is inside the table's visible box, or the
     * table scrolls and a visible hint above it names the column.
     */
    private void assertResultsReachable(WebElement panel, List<String> columns) {
        WebElement table = panel.findElement(By.cssSelector(".results table"));
        assertEquals(List.of(), clipped(panel), "tables of the results");
        for (String column : columns) {
            Boolean inView =
                    (Boolean)
                            browser.js(
                                    "const t = arguments[0], box = t.getBoundingClientRect();"
                                            + "const th = [...t.querySelectorAll('thead th')].find(h => h.textContent === arguments[1]);"
                                            + "const r = th.getBoundingClientRect();"
                                            + "return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;",
                                    table,
                                    column);
            if (inView) {
                continue;
            }
            String hint =
                    (String)
                            browser.js(
                                    "const h = arguments[0].previousElementSibling;"
                                            + "return h && h.classList.contains('scroll-hint') && h.offsetHeight > 0"
                                            + " ? h.textContent : '';",
                                    table);
            assertTrue(
                    hint.contains(column),
                    column + " is out of view and no visible hint names it: '" + hint + "'");
        }
    }
}
