package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Result matrices as the learner sees them: each connection attempt is coloured by its outcome
 * (connected, refused, timed out), the words stay, and axe finds the colours readable in light and
 * dark.
 */
class OutcomeColoursBrowserTest extends BrowserTestBase {
    @Override
    LabServer startLab() {
        return realLab();
    }

    /** The background colour of each outcome class among {@code cells}, by the cell's words. */
    private String background(WebElement cell) {
        return (String) browser.js("return getComputedStyle(arguments[0]).backgroundColor;", cell);
    }

    @Test
    void exposureMatrixColoursConnectedAndRefusedInLightAndDark() {
        open("/lessons/exposure");
        WebElement matrix = runPanel(find("[data-experiment=exposure-matrix]"));
        List<WebElement> connected = matrix.findElements(By.cssSelector("td.outcome-connected"));
        List<WebElement> refused = matrix.findElements(By.cssSelector("td.outcome-refused"));
        assertTrue(connected.size() >= 3, "the wildcard rows connect: " + connected.size());
        assertTrue(refused.size() >= 2, "127.0.0.1 refuses ::1 and 127.0.0.2: " + refused.size());
        connected.forEach(td -> assertEquals("connected", td.getText(), "the word stays"));
        refused.forEach(td -> assertTrue(td.getText().startsWith("refused"), td.getText()));
        Set<String> words =
                matrix.findElements(By.cssSelector(".results td")).stream()
                        .filter(td -> td.getText().startsWith("connected"))
                        .map(td -> td.getDomAttribute("class"))
                        .collect(Collectors.toSet());
        assertEquals(Set.of("outcome outcome-connected"), words, "every connected cell");
        for (String scheme : new String[] {"light", "dark"}) {
            browser.colorScheme(scheme);
            String plain =
                    background(matrix.findElement(By.cssSelector(".results td:first-child")));
            String yes = background(connected.get(0));
            String no = background(refused.get(0));
            assertNotEquals(yes, no, scheme + ": connected and refused differ");
            assertNotEquals(plain, yes, scheme + ": connected stands out");
            assertNotEquals(plain, no, scheme + ": refused stands out");
            browser.js("arguments[0].scrollIntoView();", matrix);
            browser.screenshot(matrix, "outcome-exposure-matrix-" + scheme);
            assertAccessible("outcome-exposure-" + scheme);
        }
        browser.colorScheme(null);
    }

    @Test
    void localhostChecksMarkEachAddressesOutcome() throws Exception {
        // a server of the learner's on 127.0.0.1 only: ::1 refuses, 127.0.0.1 connects
        try (ServerSocket mine = new ServerSocket()) {
            mine.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            open("/lessons/localhost-names");
            WebElement check = find("[data-check=localhost-both]");
            runOnPort(check, mine.getLocalPort());
            assertEquals(
                    "connected",
                    check.findElement(By.cssSelector(".event-verdict span.outcome-connected"))
                            .getText());
            assertTrue(
                    check.findElement(By.cssSelector(".event-verdict span.outcome-refused"))
                            .getText()
                            .startsWith("refused"));
            WebElement mismatch = runPanel(find("[data-experiment=localhost-mismatch]"));
            assertTrue(
                    !mismatch.findElements(By.cssSelector("td.outcome-connected")).isEmpty()
                            && !mismatch.findElements(By.cssSelector("td.outcome-refused"))
                                    .isEmpty(),
                    "the mismatch table colours both outcomes");
            for (String scheme : new String[] {"light", "dark"}) {
                browser.colorScheme(scheme);
                browser.js("arguments[0].scrollIntoView();", check);
                browser.screenshot(check, "outcome-localhost-both-" + scheme);
                assertAccessible("outcome-localhost-" + scheme);
            }
            browser.colorScheme(null);
        }
    }
}
