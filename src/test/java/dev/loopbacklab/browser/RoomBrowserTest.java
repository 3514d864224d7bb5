package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RoomLabs;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A learner's browser joins the teacher's room from the learner's own lab, passes a check there,
 * and the teacher's board (another lab, another origin) shows it.
 */
class RoomBrowserTest extends BrowserTestBase {
    private final RoomLabs labs = RoomLabs.real();
    private LabServer teacher;

    @Override
    LabServer startLab() {
        teacher = labs.teacher();
        return realLab();
    }

    @AfterAll
    void stopTeacher() throws IOException {
        labs.close();
    }

    @Test
    void aBrowserJoinsPassesACheckAndTheBoardShowsIt() throws Exception {
        open("/workshop");
        find("#room-link").sendKeys(teacher.workshop().joinLink());
        find("#room-nickname").sendKeys("Ada <3");
        find("[data-room-join] button[type=submit]").click();
        browser.await(d -> find("[data-room-joined]").isDisplayed());
        assertTrue(find("[data-room-status]").getText().contains("Ada <3"));
        assertAccessible("room-workshop-joined");

        try (ServerSocket everywhere = new ServerSocket()) {
            everywhere.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            open("/lessons/exposure");
            WebElement panel = find("[data-check=exposure-room-reach]");
            runOnPort(panel, everywhere.getLocalPort());
            assertTrue(
                    panel.findElement(By.cssSelector(".results"))
                            .getText()
                            .contains("The room reached"),
                    panel.getText());
        }

        open("/workshop");
        browser.await(d -> find("[data-room-sent]").getText().contains("exposure-room-reach"));

        String board = "http://127.0.0.1:" + teacher.port();
        browser.open(board + "/room/board?board=" + teacher.workshop().room().keys().boardToken());
        browser.await(
                d -> String.valueOf(browser.js("return location.pathname")).equals("/room/board"));
        browser.await(
                d ->
                        !browser.driver()
                                .findElements(By.cssSelector("[data-board-rows] tr"))
                                .isEmpty());
        WebElement row = find("[data-board-rows] tr");
        assertTrue(row.getText().contains("Ada <3"), row.getText());
        assertTrue(
                row.getText().contains("✓ passed"), "in words, not colour alone: " + row.getText());
        assertEquals("1", find("[data-passed=exposure-room-reach]").getText());
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            for (int width : new int[] {1280, 390}) {
                browser.viewportWidth(width);
                browser.screenshot("room-board-" + width + "-" + scheme);
                assertNoHorizontalOverflow("the board at " + width + " px");
            }
        }
        browser.viewportWidth(0);
        browser.colorScheme(null);
        assertAccessible("room-board");
        // the board is the teacher's lab: its own origin, on purpose
        browser.requestedUrls()
                .forEach(
                        url ->
                                assertTrue(
                                        url.startsWith(board + "/")
                                                || url.startsWith(origin() + "/")
                                                || url.startsWith("data:"),
                                        url));
    }
}
