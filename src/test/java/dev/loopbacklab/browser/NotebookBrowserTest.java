package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.jshell.SnippetRunner;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The lessons' JShell blocks as notebook cells in the real lab, through the page: every lesson's
 * blocks run in order in one session and agree with the snippet tests ({@code LessonSnippetsTest}'s
 * runner: no problem there, none here, and every {@code // prints:} seen under its cell); Stop ends
 * a snippet that loops forever; a compile error is marked at its line; and without the secret a
 * cell says how to run code instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebookBrowserTest extends BrowserTestBase {
    private static final Pattern PRINTS = Pattern.compile("// prints: (.*)$", Pattern.MULTILINE);
    private static final List<Lesson> LESSONS = LessonCatalog.load(Path.of("lessons")).lessons();

    @Override
    LabServer startLab() {
        return realLab();
    }

    static Stream<String> lessonsWithJShell() {
        return LESSONS.stream()
                .filter(
                        l ->
                                l.embeds().stream()
                                        .anyMatch(e -> e.kind() == Lesson.Embed.Kind.JSHELL))
                .map(Lesson::id);
    }

    /** Opens the link the lab printed, so this browser holds the secret. */
    private void enter() {
        String link = lab.notebookUrl();
        browser.open(link);
        browser.await(d -> browser.js("return location.search").equals(""));
    }

    private List<WebElement> cellsOf(String lesson) {
        open("/lessons/" + lesson);
        List<WebElement> cells = findAll("[data-jshell-cell]");
        browser.await(
                d -> cells.get(0).findElement(By.cssSelector("button.cell-run")).isDisplayed());
        return cells;
    }

    /** Presses Run and waits for the cell's run to end; returns what it showed. */
    private String run(WebElement cell) {
        cell.findElement(By.cssSelector("button.cell-run")).click();
        browser.await(
                d ->
                        "false".equals(cell.getAttribute("aria-busy"))
                                && !cell.findElements(By.cssSelector(".cell-done")).isEmpty());
        return cell.findElement(By.cssSelector(".cell-output")).getText();
    }

    @Order(1)
    @ParameterizedTest
    @MethodSource("lessonsWithJShell")
    void everyJShellBlockRunsThroughThePageAsTheSnippetTestsExpect(String id) {
        Lesson lesson = LESSONS.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        List<Lesson.Embed> blocks =
                lesson.embeds().stream().filter(e -> e.kind() == Lesson.Embed.Kind.JSHELL).toList();
        List<String> terminal = new ArrayList<>();
        try (SnippetRunner runner = new SnippetRunner()) {
            for (Lesson.Embed block : blocks) {
                terminal.addAll(runner.run(id, block.line() + 1, block.body()));
            }
        }
        assertEquals(List.of(), terminal, "the snippet tests' runner");

        enter();
        List<WebElement> cells = cellsOf(id);
        assertEquals(blocks.size(), cells.size());
        List<String> page = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            WebElement cell = cells.get(i);
            String shown = run(cell);
            String where = id + " cell " + (i + 1);
            if (!"ok".equals(cell.getAttribute("data-outcome"))) {
                page.add(where + " ended " + cell.getAttribute("data-outcome") + ": " + shown);
            }
            if (!cell.findElements(By.cssSelector(".cell-exception, .cell-diagnostic")).isEmpty()) {
                page.add(where + " showed an exception or compiler error: " + shown);
            }
            Matcher expected = PRINTS.matcher(blocks.get(i).body());
            while (expected.find()) {
                // the same reading of "// prints:" as the snippet tests' ("<port>" stands for any)
                if (!SnippetRunner.expectation(expected.group(1)).matcher(shown).find()) {
                    page.add(
                            where
                                    + " did not show \""
                                    + expected.group(1).strip()
                                    + "\": "
                                    + shown);
                }
            }
        }
        assertEquals(List.of(), page, "the page");
    }

    @Order(2)
    @Test
    void stopEndsASnippetThatLoopsForeverAndTheSessionGoesOn() {
        enter();
        List<WebElement> cells = cellsOf("port-binding");
        WebElement cell = cells.get(0);
        WebElement code = cell.findElement(By.cssSelector("pre > code"));
        browser.js(
                "arguments[0].textContent = arguments[1];",
                code,
                "int kept = 41;\nSystem.out.println(\"looping\");\nwhile (true) { }");
        cell.findElement(By.cssSelector("button.cell-run")).click();
        browser.await(
                d ->
                        cell.findElement(By.cssSelector(".cell-output"))
                                .getText()
                                .contains("looping"));
        cell.findElement(By.cssSelector("button.cell-stop")).click();
        browser.await(d -> "stopped".equals(cell.getAttribute("data-outcome")));
        assertTrue(cell.getText().contains("Stopped: you pressed Stop"), cell.getText());

        WebElement next = cells.get(1);
        browser.js(
                "arguments[0].textContent = arguments[1];",
                next.findElement(By.cssSelector("pre > code")),
                "System.out.println(kept + 1);\nint broken = nope;");
        String shown = run(next);
        assertTrue(shown.contains("42"), shown);
        WebElement diagnostic = next.findElement(By.cssSelector(".cell-diagnostic"));
        assertTrue(
                diagnostic.getText().startsWith("line 2, column 14: error: cannot find symbol"),
                diagnostic.getText());
        assertEquals("nope", diagnostic.findElement(By.tagName("mark")).getText());
        browser.viewportWidth(390);
        try {
            assertNoHorizontalOverflow("lesson with cells, 390 px");
            browser.screenshot(next, "notebook-cell-390");
        } finally {
            browser.viewportWidth(0);
        }
        assertAccessible("notebook-cells-1280");
    }

    @Order(3)
    @Test
    void leavingThePageEndsItsSession() throws Exception {
        enter();
        cellsOf("port-binding");
        browser.await(d -> lab.notebook().openSessions() == 1);
        open("/");
        browser.await(d -> lab.notebook().openSessions() == 0);
    }

    @Order(4)
    @Test
    void withoutTheSecretACellSaysHowToRunCodeAndOffersNoRun() {
        // the cookie is only visible under its path, /api/jshell: forget it from there
        browser.open(origin() + "/api/jshell/status");
        browser.driver().manage().deleteAllCookies();
        open("/lessons/port-binding");
        WebElement cell = findAll("[data-jshell-cell]").get(0);
        browser.await(
                d -> cell.findElement(By.cssSelector(".cell-note")).getText().contains("?jshell="));
        assertFalse(cell.findElement(By.cssSelector("button.cell-run")).isDisplayed());
        assertFalse(cell.findElement(By.cssSelector("button.cell-stop")).isDisplayed());
        assertTrue(cell.getText().contains(LabCommand.with("jshell")), cell.getText());
        assertTrue(
                cell.findElement(By.cssSelector("pre > code")).getAttribute("contenteditable")
                        == null);
    }
}
