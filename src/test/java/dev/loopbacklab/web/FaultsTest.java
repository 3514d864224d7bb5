package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.NothingListens;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.room.WorkshopConfig;
import dev.loopbacklab.web.runs.Run;
import dev.loopbacklab.web.runs.RunRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Things that go wrong while the lab runs, and what the lab does about them. */
class FaultsTest {
    @TempDir Path dir;

    @Test
    void aCheckWaitingForALearnerWhoNeverComesIsStoppedByItsLifetime() throws Exception {
        try (RunRegistry runs = new RunRegistry(2, Duration.ofMillis(300))) {
            FakeExperiments.Waiter waiter = new FakeExperiments.Waiter();
            Run run = runs.start(waiter, Params.defaults(waiter.params()));
            Wait.until("the waiter stopped by its lifetime", () -> run.outcome() != null);
            assertEquals(Outcome.CANCELLED, run.outcome());
            assertTrue(
                    run.events().stream()
                            .anyMatch(
                                    e ->
                                            e instanceof Event.Warning w
                                                    && w.text().contains("time limit")),
                    run.events().toString());
            int port = FakeExperiments.Waiter.lastPort;
            assertFalse(
                    SocketTable.listening().stream().anyMatch(e -> e.localPort() == port),
                    "port " + port + " still listening");
            NothingListens.at(port); // the check's socket was closed
            assertEquals(0, runs.active());
        }
    }

    @Test
    void aLessonBrokenWhileTheDevLabRunsGivesAClearPageAndTheRestKeepsWorking() throws Exception {
        try (LabServer lab = TestLab.start(LabConfig.local(0, TestLab.devCopy(dir)))) {
            assertEquals(200, RawHttp.get(lab.port(), "/lessons/first", "localhost").status());
            Path lesson = dir.resolve("lessons/00-first/lesson.md");
            String good = Files.readString(lesson);
            Files.writeString(lesson, "---\nid: first\ntitle: [unclosed\n---\nBody.\n");
            RawHttp.Response broken = RawHttp.get(lab.port(), "/lessons/first", "localhost");
            assertEquals(500, broken.status());
            String text = Jsoup.parse(broken.body()).text();
            assertTrue(text.contains("A lesson is broken"), text);
            assertTrue(text.contains("lesson.md"), text);
            assertFalse(text.contains("Exception") || broken.body().contains("at dev."), text);
            assertEquals(
                    201,
                    RawHttp.postJson(lab.port(), "/api/runs", "", "{\"experiment\":\"test-judge\"}")
                            .status(),
                    "runs still start");
            Files.writeString(lesson, good);
            assertEquals(200, RawHttp.get(lab.port(), "/lessons/first", "localhost").status());
        }
    }

    @Test
    void aLessonsFolderRemovedWhileTheDevLabRunsGivesAClearPage() throws Exception {
        try (LabServer lab = TestLab.start(LabConfig.local(0, TestLab.devCopy(dir)))) {
            try (var files = Files.walk(dir.resolve("lessons"))) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            RawHttp.Response response = RawHttp.get(lab.port(), "/", "localhost");
            assertEquals(500, response.status());
            assertTrue(Jsoup.parse(response.body()).text().contains("lessons folder is missing"));
        }
    }

    @Test
    void anErrorNobodyExpectedShowsANumberAndLogsTheDetailsUnderIt() throws Exception {
        // A room folder that is a file: opening the room fails with the file's path as the message.
        Path notAFolder = Files.writeString(dir.resolve("secret-teacher-path"), "x");
        try (LabServer lab =
                        LabServer.start(
                                LabConfig.local(0, TestLab.fixtureContent()),
                                new WorkshopConfig(notAFolder, false, null, null, null),
                                FakeExperiments.registry(),
                                "test");
                CapturedErr log = CapturedErr.start()) {
            RawHttp.Response failed = RawHttp.postJson(lab.port(), "/api/room/open", "", "{}");
            assertEquals(500, failed.status(), failed.body());
            // An API route answers in JSON, as its other errors, so the page shows the sentence.
            assertEquals("application/json", failed.header("Content-Type"));
            String text =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(failed.body())
                            .path("error")
                            .asText();
            Matcher incident = Pattern.compile("incident ([0-9a-f]{8})").matcher(text);
            assertTrue(incident.find(), text);
            assertFalse(failed.body().contains("secret-teacher-path"), text);
            assertFalse(failed.body().contains("Exception"), text);
            String logged = log.text();
            assertTrue(
                    logged.lines()
                            .anyMatch(
                                    l ->
                                            l.contains("incident " + incident.group(1))
                                                    && l.contains("/api/room/open")),
                    logged);
            assertTrue(logged.contains("secret-teacher-path"), logged);
        }
    }

    @Test
    void failingAndCancelledRunsLeaveTheRegistryEmpty() throws Exception {
        try (RunRegistry runs = new RunRegistry(4, Duration.ofSeconds(5))) {
            Run boom = runs.start(new FakeExperiments.Boom(), Params.defaults(List.of()));
            Run hold = runs.start(new FakeExperiments.Hold(), Params.defaults(List.of()));
            hold.eventsFrom(0, 2000);
            hold.cancel("test");
            Wait.until("both outcomes", () -> boom.outcome() != null && hold.outcome() != null);
            assertEquals(Outcome.FAILED, boom.outcome());
            assertEquals(Outcome.CANCELLED, hold.outcome());
            assertEquals(0, runs.active());
        }
    }
}
