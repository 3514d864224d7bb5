package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Java and shell code in colour (the vendored highlight.js), as the learner's browser shows it:
 * every block keeps exactly the text the lab sent, Copy still copies that text, the colours differ
 * from plain code and pass axe in light and dark, and a JShell cell stays editable and runnable
 * with its colours laid anew after an edit.
 */
class HighlightBrowserTest extends BrowserTestBase {
    @Override
    LabServer startLab() {
        return realLab();
    }

    /** The lesson's code blocks as the lab sends them, before any script ran. */
    private Document served(String path) throws Exception {
        HttpResponse<String> page =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(origin() + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(page.body());
    }

    @SuppressWarnings("unchecked")
    private List<String> shownCode() {
        return (List<String>)
                browser.js(
                        "return [...document.querySelectorAll('pre > code')].map(c => c.textContent);");
    }

    @Test
    void javaAndShellBlocksAreColouredAndKeepTheirText() throws Exception {
        String path = "/lessons/exposure";
        List<String> sent =
                served(path).select("pre > code").stream().map(c -> c.wholeText()).toList();
        open(path);
        browser.await(
                d -> browser.js("return document.documentElement.dataset.highlighted") != null);
        assertEquals(sent, shownCode(), "the text of every block is what the lab sent");
        for (WebElement block : findAll("pre > code.language-java, pre > code.language-bash")) {
            // every Java and shell block went through the highlighter (a plain command such as
            // "ssh -N -L …" has nothing to colour; Java always has)
            assertEquals("yes", block.getDomAttribute("data-highlighted"), block.getText());
        }
        assertTrue(
                findAll("pre > code.language-java").stream()
                        .allMatch(c -> !c.findElements(By.cssSelector(".hljs-keyword")).isEmpty()),
                "every Java block has a coloured keyword");
        WebElement keyword = find("pre > code.language-java .hljs-keyword");
        WebElement code = find("pre > code.language-java");
        for (String scheme : new String[] {"light", "dark"}) {
            browser.colorScheme(scheme);
            assertNotEquals(
                    browser.js("return getComputedStyle(arguments[0]).color;", code),
                    browser.js("return getComputedStyle(arguments[0]).color;", keyword),
                    scheme + ": a keyword is coloured");
            browser.js("arguments[0].scrollIntoView();", code);
            browser.screenshot(code.findElement(By.xpath("..")), "code-" + scheme);
            assertAccessible("code-colours-" + scheme);
        }
        browser.colorScheme(null);
        // on paper: black, with comments told apart by italics
        browser.media("print");
        try {
            assertEquals(
                    "rgb(0, 0, 0)",
                    browser.js("return getComputedStyle(arguments[0]).color;", keyword),
                    "printed in black");
        } finally {
            browser.media("");
        }
    }

    @Test
    void copyCopiesThePlainText() throws Exception {
        String path = "/lessons/loopback-echo";
        String first = served(path).select(".code-block pre > code").first().wholeText();
        open(path);
        browser.await(
                d -> browser.js("return document.documentElement.dataset.highlighted") != null);
        // the page's clipboard, recorded instead of the system's
        browser.js(
                "window.copied = null;"
                        + "Object.defineProperty(navigator, 'clipboard', {value: {writeText: t =>"
                        + " { window.copied = t; return Promise.resolve(); }}});");
        find(".code-block button.copy").click();
        browser.await(d -> browser.js("return window.copied;") != null);
        assertEquals(first.strip(), ((String) browser.js("return window.copied;")).strip());
    }

    @Test
    void aColouredJShellCellIsEditedAndRunAndColouredAgain() {
        browser.open(lab.notebookUrl());
        browser.await(d -> browser.js("return location.search").equals(""));
        open("/lessons/loopback-echo");
        WebElement cell = find("[data-jshell-cell]");
        WebElement code = cell.findElement(By.cssSelector("pre > code"));
        browser.await(d -> "true".equals(code.getDomAttribute("aria-multiline")));
        assertTrue(!code.findElements(By.cssSelector(".hljs-keyword")).isEmpty(), "coloured");
        code.click();
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        code.sendKeys(Keys.ENTER, "System.out.println(\"typed \" + (40 + 2));");
        // leaving the cell lays the colours anew over the edited text
        browser.js("arguments[0].blur();", code);
        browser.await(
                d ->
                        code.findElements(By.cssSelector(".hljs-string")).stream()
                                .anyMatch(s -> s.getText().equals("\"typed \"")));
        assertTrue(
                code.getText().endsWith("System.out.println(\"typed \" + (40 + 2));"),
                code.getText());
        cell.findElement(By.cssSelector("button.cell-run")).click();
        browser.await(
                d ->
                        cell.findElement(By.cssSelector(".cell-output"))
                                .getText()
                                .contains("typed 42"));
    }
}
