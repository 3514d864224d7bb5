package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Teaching from the lab, on the fixture lessons (lesson "first": 5 minutes, steps of 3 and 2): the
 * presenter view with the keyboard, the speaker window following it, the pacing timer, and the
 * printed handouts read back from Chromium's PDF.
 */
class TeachingBrowserTest extends BrowserTestBase {
    private static final String STATE = "loopback-lab.present.first";

    @Override
    LabServer startLab() {
        return TestLab.start();
    }

    private int shownStep() {
        List<WebElement> shown =
                findAll(".present-step").stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "one step at a time");
        return Integer.parseInt(shown.get(0).getAttribute("data-step"));
    }

    private void freshPresenter(String query) {
        open("/lessons/first");
        browser.js("localStorage.removeItem(arguments[0]);", STATE);
        open("/lessons/first/present" + query);
    }

    private void press(CharSequence key) {
        browser.driver().findElement(By.tagName("body")).sendKeys(key);
    }

    @Test
    void thePresenterStepsThroughTheSectionsWithTheKeyboard() {
        freshPresenter("");
        assertEquals(0, shownStep());
        assertEquals("1", find(".step-number").getText());
        press(Keys.ARROW_RIGHT);
        browser.await(d -> shownStep() == 1);
        assertEquals("Counting", browser.active().getText().replace("#", "").strip());
        press(Keys.PAGE_DOWN);
        browser.await(d -> shownStep() == 2);
        press(Keys.ARROW_LEFT);
        browser.await(d -> shownStep() == 1);
        press(Keys.END);
        browser.await(d -> shownStep() == 2);
        press(Keys.HOME);
        browser.await(d -> shownStep() == 0);
        assertFalse(find(".step-prev").isEnabled(), "no step before the first");
        assertEquals(1, findAll("h1").size());
        assertTrue(
                findAll(".facilitator-notes, .notes-text").isEmpty(), "no notes on the projector");
        assertAccessible("presenter-first-step");
    }

    @Test
    void aRunPanelStillRunsInThePresenterAndTypingInItDoesNotChangeTheStep() {
        freshPresenter("");
        press(Keys.ARROW_RIGHT);
        browser.await(d -> shownStep() == 1);
        WebElement panel = find("[data-experiment=test-count]");
        WebElement count = panel.findElement(By.name("count"));
        count.clear();
        count.sendKeys("5", Keys.ARROW_LEFT, Keys.ARROW_RIGHT);
        assertEquals(1, shownStep(), "arrow keys in a field move the caret, not the step");
        runPanel(panel);
        assertEquals("5", panel.findElement(By.cssSelector(".fact-value")).getText());
    }

    @Test
    void questionsComeOneAtATimeWithTheAnswerClosed() {
        freshPresenter("");
        press(Keys.ARROW_RIGHT);
        browser.await(d -> shownStep() == 1);
        WebElement question = find(".present-step[data-step='1'] .question");
        assertTrue(question.getText().contains("How far does it count?"));
        WebElement answer = question.findElement(By.cssSelector("details.answer"));
        assertEquals(null, answer.getAttribute("open"));
        assertFalse(answer.findElement(By.tagName("p")).isDisplayed(), "the answer is hidden");
        answer.findElement(By.tagName("summary")).click();
        assertTrue(answer.findElement(By.tagName("p")).isDisplayed());
        assertAccessible("presenter-question-revealed");
    }

    @Test
    void theSpeakerWindowFollowsThePresenterAndShowsNotesOfNowAndNext() {
        freshPresenter("");
        String presenter = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        String speaker = browser.driver().getWindowHandle();
        try {
            open("/lessons/first/speaker");
            browser.await(d -> find(".speaker-step.is-now").getAttribute("data-step").equals("0"));
            browser.driver().switchTo().window(presenter);
            press(Keys.ARROW_RIGHT);
            browser.await(d -> shownStep() == 1);
            browser.driver().switchTo().window(speaker);
            browser.await(d -> find(".speaker-step.is-now").getAttribute("data-step").equals("1"));
            WebElement now = find(".speaker-step.is-now");
            assertTrue(now.getText().contains("3 min: Run the counter."), now.getText());
            assertTrue(now.getText().contains("Answer: To count, one by one."), now.getText());
            assertTrue(find(".speaker-step.is-next").getText().contains("Judging"));
            assertAccessible("speaker-window");
            // and the other way round: the teacher steps from the speaker window
            find(".step-next").click();
            browser.driver().switchTo().window(presenter);
            browser.await(d -> shownStep() == 2);
        } finally {
            browser.driver().switchTo().window(speaker).close();
            browser.driver().switchTo().window(presenter);
        }
    }

    @Test
    void thePacingTimerSaysOnPaceBehindAndOverFromThePlan() {
        long minute = TimeUnit.MINUTES.toMillis(1);
        long now = System.currentTimeMillis();
        // step 1 ("Counting", 3 min planned) one minute in, two minutes into the lesson
        assertEquals("on pace", paceAfter(1, now - 2 * minute, now - minute));
        // four minutes into that 3-minute step
        assertEquals("behind", paceAfter(1, now - 4 * minute, now - 4 * minute));
        // past the lesson's 5 minutes
        assertEquals("over time", paceAfter(2, now - 6 * minute, now - minute));
        assertEquals("over", find(".pace-state").getAttribute("data-state"));
        // and live: rehearsing at 60x, a fresh lesson runs from on pace to behind to over
        freshPresenter("?rehearse=60");
        press(Keys.ARROW_RIGHT);
        browser.await(d -> shownStep() == 1);
        browser.await(d -> find(".pace-state").getAttribute("data-state").equals("behind"));
        browser.await(d -> find(".pace-state").getAttribute("data-state").equals("over"));
        assertEquals("over time", find(".pace-state").getText());
    }

    private String paceAfter(int step, long lessonStart, long stepStart) {
        open("/lessons/first");
        browser.js(
                "localStorage.setItem(arguments[0], JSON.stringify({step: arguments[1],"
                        + " lessonStart: arguments[2], stepStart: arguments[3]}));",
                STATE,
                step,
                lessonStart,
                stepStart);
        open("/lessons/first/present");
        return find(".pace-state").getText();
    }

    @Test
    void theAgendaAndHandoutsPassAxe() {
        open("/agenda?plan=first,break-10,second&start=13:30");
        assertTrue(find("table.agenda").getText().contains("13:35 13:45 10 Break"));
        assertAccessible("agenda");
        open("/handout?plan=first,second");
        assertAccessible("learner-handout");
        open("/facilitator?plan=first,second");
        assertAccessible("facilitator-printout");
    }

    @Test
    void theLearnerHandoutPrintsWithoutNotesOnA4AndLetter() throws Exception {
        for (String paper : List.of("a4", "letter")) {
            open("/handout?plan=first,second");
            String text = Printed.text(printToPdf("handout-" + paper, paper));
            // the room's jar, as the learners saved it, not the teacher's own path
            assertTrue(text.contains(LabCommand.handedOut("run test-count")), text);
            assertTrue(text.contains("Your answer and what the check said"), text);
            assertFalse(text.contains("How far does it count?"), "no questions for the room");
            assertFalse(text.contains("Run the counter."), "no timing notes");
            assertFalse(text.contains("Ask the room"), "no notes");
            int pages = Printed.pages(text);
            assertTrue(pages >= 3 && pages <= 6, pages + " pages");
            // Each command on one printed line, as typed: never broken at a hyphen, slash or dot.
            List<String> lines =
                    Printed.lines(Path.of("target", "screenshots", "handout-" + paper + ".pdf"));
            for (String command :
                    List.of(
                            LabCommand.handedOut(""),
                            "lsof -nP -iTCP -sTCP:LISTEN",
                            "cat /proc/sys/net/ipv4/ip_local_port_range",
                            "sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last",
                            "dscacheutil -q host -a name localhost",
                            LabCommand.handedOut("run test-count"))) {
                assertTrue(
                        lines.stream().anyMatch(line -> line.contains(command)),
                        paper
                                + ": \""
                                + command
                                + "\" is broken across lines:\n"
                                + String.join("\n", lines));
            }
        }
    }

    @Test
    void theLearnerHandoutPrintsTheLastRunThisBrowserKept() throws Exception {
        open("/lessons/first");
        browser.js("localStorage.clear();");
        open("/handout?plan=first");
        String before = Printed.text(printToPdf("handout-not-run", "a4"));
        assertFalse(before.contains("Your last run"), before);
        open("/lessons/first");
        runPanel(find("[data-experiment=test-count]"));
        open("/handout?plan=first");
        String after = Printed.text(printToPdf("handout-run", "a4"));
        assertTrue(after.contains("Your last run"), after);
        assertTrue(after.contains("Run completed in"), after);
        assertTrue(after.contains(LabCommand.handedOut("run test-count")), "and its command");
    }

    @Test
    void theFacilitatorPrintoutHasTheAgendaNotesAndAnswers() throws Exception {
        open("/facilitator?plan=first,second");
        String text = Printed.text(printToPdf("facilitator-a4", "a4"));
        assertTrue(text.contains("Agenda"), text);
        assertTrue(text.contains("How far does it count?"), text);
        assertTrue(text.contains("one by one."), text);
        assertTrue(text.contains("Ask the room."), text);
        int pages = Printed.pages(text);
        assertTrue(pages >= 2 && pages <= 5, pages + " pages");
    }

    @Test
    void aPrintedLessonHasNoEmptyPanelAndNoNotes() throws Exception {
        open("/lessons/first");
        browser.js("localStorage.clear();");
        open("/lessons/first");
        String before = Printed.text(printToPdf("lesson-not-run", "a4"));
        assertTrue(
                before.contains(
                        "Not run yet. From a terminal: " + LabCommand.with("run test-count")),
                before);
        assertTrue(before.contains(LabCommand.with("check test-judge")), before);
        assertFalse(before.contains("Facilitator notes"), "notes never print with the lesson");
        assertFalse(before.contains("Ask the room"), before);
        runPanel(find("[data-experiment=test-count]"));
        String after = Printed.text(printToPdf("lesson-run", "a4"));
        assertFalse(after.contains("run test-count"), "the result prints instead of the command");
        assertTrue(after.contains("Run completed in"), after);
        open("/lessons/first");
        String kept = Printed.text(printToPdf("lesson-reloaded", "a4"));
        assertFalse(kept.contains("run test-count"), "the kept run prints instead of the command");
        assertTrue(kept.contains("Your last run before this page loaded"), kept);
    }

    private Path printToPdf(String name, String paper) throws IOException {
        return Printed.pdf(browser, name, paper);
    }
}
