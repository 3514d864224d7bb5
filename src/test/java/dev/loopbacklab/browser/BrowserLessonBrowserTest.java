package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.web.LabServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Lesson 11 in headless Chromium: the page's own fetch() experiments against the lab's second
 * origin, the toy server under a rebound name next to the lab's refusal, and the CORS challenge
 * read from the page and checked. Every fact asserted here was measured in this browser.
 */
class BrowserLessonBrowserTest extends BrowserTestBase {
    private static final String LESSON = "/lessons/browser-and-localhost";

    /** This lesson talks to other loopback origins on purpose, and only to those. */
    private static final Pattern LOOPBACK =
            Pattern.compile(
                    "^(http://(127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0|rebind\\.localhost):[0-9]+/"
                            + "|data:|about:|chrome:).*");

    @Override
    LabServer startLab() {
        return realLab();
    }

    /**
     * Replaces the base class's "nothing leaves the lab's origin" (this lesson's point is other
     * origins, and its refused reads are console errors): requests go to loopback origins only.
     */
    @Override
    @AfterEach
    void nothingLeftTheOriginAndTheConsoleIsClean() {
        List<String> elsewhere =
                browser.requestedUrls().stream()
                        .filter(u -> !LOOPBACK.matcher(u).matches())
                        .toList();
        assertEquals(List.of(), elsewhere, "requests beyond loopback");
        browser.consoleErrors();
    }

    private WebElement panel(String id) {
        return find("[data-experiment=" + id + "], [data-check=" + id + "]");
    }

    private static Map<String, String> rows(WebElement table) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            rows.put(cells.get(0).getText(), cells.get(1).getText());
        }
        return rows;
    }

    private static String startingWith(Map<String, String> rows, String start) {
        return rows.entrySet().stream()
                .filter(e -> e.getKey().startsWith(start))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start + " in " + rows));
    }

    @Test
    void thePageMeasuresCorsPreflightsAndCookiesAgainstTheSecondOrigin() {
        open(LESSON);
        WebElement origins = panel("browser-origins");
        runPanel(origins);
        browser.await(d -> "true".equals(origins.getDomAttribute("data-browser-measured")));
        Map<String, String> measured =
                rows(origins.findElement(By.cssSelector("table.browser-results")));

        assertEquals("true", measured.get("window.isSecureContext on this page"));
        String second =
                origins.getText()
                        .replaceAll(
                                "(?s).*second origin\\s*(http://127\\.0\\.0\\.1:[0-9]+).*", "$1");
        assertTrue(
                startingWith(measured, "GET " + second + "/plain")
                        .startsWith("refused to the page"),
                measured.toString());
        assertTrue(
                startingWith(measured, "GET " + second + "/cors").startsWith("readable: HTTP 200"));
        assertTrue(
                startingWith(measured, "PUT " + second + "/cors").startsWith("readable: HTTP 200"));
        assertEquals(
                "X-Lab-Secret hidden from the page (null)",
                startingWith(measured, "X-Lab-Secret of " + second + "/expose,"));
        assertEquals(
                "X-Lab-Secret: 42",
                startingWith(measured, "X-Lab-Secret of " + second + "/expose?"));
        assertTrue(
                startingWith(measured, "GET " + second + "/cookie/echo")
                        .contains("lab_demo=from-port-"));
        assertEquals("true", startingWith(measured, "document.cookie of this page"));
        String zero = startingWith(measured, "GET http://0.0.0.0:");
        // what this Chromium did is a fact about this Chromium: the lesson's notes quote it
        System.out.println("browser-origins measured: " + measured);
        System.out.println(
                "browser-origins: " + origins.findElement(By.cssSelector(".event-done")).getText());
        assertTrue(zero.startsWith("sent") || zero.startsWith("not sent"), zero);

        String arrivals =
                origins.findElements(By.tagName("table")).stream()
                        .filter(t -> t.getText().contains("What arrived at the second origin"))
                        .findFirst()
                        .orElseThrow()
                        .getText();
        assertTrue(arrivals.contains("OPTIONS /cors (preflight for PUT, x-lab)"), arrivals);
        assertTrue(arrivals.contains("GET /plain"), arrivals);
        browser.screenshot(origins, "browser-origins-1280");
        browser.viewportWidth(390);
        browser.screenshot(origins, "browser-origins-390");
        browser.viewportWidth(0);
    }

    @Test
    void theToyAnswersAReboundNameAndTheLabRefusesIt() {
        open(LESSON);
        WebElement rebinding = panel("browser-rebinding");
        rebinding.findElement(By.cssSelector("button.run")).click();
        WebElement toyLink =
                browser.await(
                        d ->
                                rebinding
                                        .findElements(By.cssSelector("ul.browser-links a"))
                                        .stream()
                                        .findFirst()
                                        .orElse(null));
        String toy = toyLink.getDomAttribute("href");
        String lesson = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(toy);
        String secret = browser.driver().findElement(By.id("secret")).getText();
        assertTrue(secret.matches("[0-9a-f]{16}"), secret);
        browser.open("http://rebind.localhost:" + lab.port() + "/");
        assertTrue(
                browser.driver()
                        .findElement(By.tagName("body"))
                        .getText()
                        .contains("This lab only answers requests addressed to localhost"));
        browser.driver().close();
        browser.driver().switchTo().window(lesson);
        String host = toy.replace("http://", "").replace("/", "");
        browser.await(d -> rebinding.getText().contains("Host " + host));
        rebinding.findElement(By.cssSelector("button.stop")).click();
        browser.await(d -> rebinding.findElements(By.cssSelector(".event-done")).size() == 1);
        browser.await(d -> lab.runs().active() == 0);
    }

    @Test
    void theChallengeServerIsReadFromThePageAndCheckedBothWays() throws Exception {
        open(LESSON);
        WebElement check = panel("browser-cors-yours");
        assertEquals(origin(), check.findElement(By.name("origin")).getDomProperty("value"));
        for (boolean right : new boolean[] {false, true}) {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(
                    "/",
                    ex -> {
                        String from = ex.getRequestHeaders().getFirst("Origin");
                        if (right && origin().equals(from)) {
                            ex.getResponseHeaders().set("Access-Control-Allow-Origin", from);
                        }
                        byte[] body = "hello from your server".getBytes();
                        ex.sendResponseHeaders(200, body.length);
                        ex.getResponseBody().write(body);
                        ex.close();
                    });
            server.start();
            try {
                WebElement port = check.findElement(By.name("port"));
                type(port, Integer.toString(server.getAddress().getPort()));
                check.findElement(By.cssSelector("button.browser-try")).click();
                WebElement read = check.findElement(By.cssSelector(".browser-try-result"));
                browser.await(d -> read.getText().contains("With credentials"));
                assertEquals(
                        right,
                        read.getText().contains("readable: HTTP 200, \"hello from your server\""),
                        read.getText());
                runPanel(check);
                String verdict = check.findElement(By.cssSelector(".results")).getText();
                assertTrue(
                        right
                                ? verdict.contains("Only " + origin() + " may read")
                                : verdict.contains("Missing header"),
                        verdict);
                check.findElement(By.cssSelector(".results")).isDisplayed();
            } finally {
                server.stop(0);
            }
        }
        browser.screenshot(check, "browser-cors-yours");
    }
}
