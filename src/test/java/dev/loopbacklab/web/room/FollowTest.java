package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.room.StepBoard;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.RoomLabs;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Follow the teacher, between real labs on loopback: the teacher's presenter moves the step, a
 * learner's lab relays it to its own pages, and nothing a learner (lab or browser) sends moves the
 * teacher or another learner.
 */
class FollowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Sec-Fetch-Site: same-origin\n";

    @RegisterExtension final RoomLabs labs = RoomLabs.fixtures(FakeExperiments.registry());
    // a new test instance, so new labs, for every test; the extension closes them after it
    private final LabServer teacher = labs.teacher();
    private final LabServer ada = labs.learner("127.0.0.1");
    private final LabServer bob = labs.learner("127.0.0.2");

    private static JsonNode present(LabServer lab, String lesson, int step) throws Exception {
        RawHttp.Response answer =
                RawHttp.postJson(
                        lab.port(),
                        "/api/present/step",
                        BROWSER,
                        "{\"lesson\":\"" + lesson + "\",\"step\":" + step + "}");
        assertEquals(200, answer.status(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static JsonNode follow(LabServer lab, String query) throws Exception {
        RawHttp.Response answer = RawHttp.get(lab.port(), "/api/follow" + query, "127.0.0.1");
        assertEquals(200, answer.status(), answer.body());
        return JSON.readTree(answer.body());
    }

    /** A seat of the teacher's room, as a learner's lab gets it (its bearer). */
    private String seat(String nickname) throws Exception {
        RawHttp.Response joined =
                RawHttp.postJson(
                        teacher.port(),
                        "/room/api/join",
                        "",
                        JSON.writeValueAsString(
                                Map.of(
                                        "code",
                                        teacher.workshop().room().keys().joinCode(),
                                        "nickname",
                                        nickname,
                                        "os",
                                        "linux")));
        assertEquals(201, joined.status(), joined.body());
        return JSON.readTree(joined.body()).path("bearer").asText();
    }

    @Test
    void aFollowingLearnersLabRelaysTheTeachersStepToItsOwnPages() throws Exception {
        JsonNode shown = present(teacher, "first", 1);
        assertTrue(shown.path("followable").asBoolean(), "the teacher's lab holds a room");
        assertEquals("Counting", shown.path("title").asText());
        labs.join(ada, "Ada");

        JsonNode first = follow(ada, "?after=-1");
        assertTrue(first.path("available").asBoolean());
        assertEquals("room", first.path("from").asText());
        // the learner's lab asks the room once a page follows; its copy arrives shortly after
        JsonNode relayed =
                Wait.until(
                        "the teacher's step on the learner's lab",
                        () -> uncheckedFollow(ada, ""),
                        s -> s.path("step").asInt(-1) == 1);
        assertEquals("first", relayed.path("lesson").asText());
        assertEquals("/lessons/first", relayed.path("href").asText());
        assertEquals("counting", relayed.path("anchor").asText());
        assertEquals(3, relayed.path("steps").asInt());

        // a page waiting on the learner's lab hears of the teacher's next step
        long version = relayed.path("version").asLong();
        present(teacher, "first", 2);
        JsonNode next = follow(ada, "?after=" + version);
        assertEquals(2, next.path("step").asInt(), next.toString());
        assertEquals("judging", next.path("anchor").asText());

        // what the learner's lab sent is listed, folded, and says nothing about the learner
        String sent =
                JSON.readTree(RawHttp.get(ada.port(), "/api/room", "127.0.0.1").body())
                        .path("sent")
                        .toString();
        assertTrue(sent.contains("/room/api/step"), sent);
        assertTrue(sent.contains("{\\\"after\\\":"), sent);
    }

    private static JsonNode uncheckedFollow(LabServer lab, String query) {
        try {
            return follow(lab, query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLearnersSeatReadsTheTeachersStepAndCannotChangeIt() throws Exception {
        present(teacher, "first", 1);
        String bearer = seat("Mallory");
        RawHttp.Response answer =
                RawHttp.postJson(
                        teacher.port(),
                        "/room/api/step",
                        "Authorization: Bearer " + bearer + "\n",
                        "{\"after\":-1,\"lesson\":\"second\",\"step\":0,\"version\":99}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, JSON.readTree(answer.body()).path("step").asInt());
        assertEquals("first", teacher.workshop().presented().lesson(), "the teacher's step stays");
        assertEquals(1, teacher.workshop().presented().step());
        // nor with another route of the room's API, nor as a browser, nor without a seat
        for (String path : new String[] {"/room/api/present", "/room/api/step/set"}) {
            RawHttp.Response other =
                    RawHttp.postJson(
                            teacher.port(),
                            path,
                            "Authorization: Bearer " + bearer + "\n",
                            "{\"lesson\":\"second\",\"step\":0}");
            assertEquals(404, other.status(), path + ": " + other.body());
        }
        RawHttp.Response browser =
                RawHttp.postJson(
                        teacher.port(),
                        "/room/api/step",
                        "Authorization: Bearer " + bearer + "\nOrigin: http://127.0.0.1:1\n",
                        "{\"after\":-1}");
        assertEquals(403, browser.status());
        RawHttp.Response noSeat =
                RawHttp.postJson(teacher.port(), "/room/api/step", "", "{\"after\":-1}");
        assertEquals(401, noSeat.status());
        assertEquals(1, teacher.workshop().presented().step());
    }

    @Test
    void aLearnersOwnPresenterMovesNeitherTheTeacherNorAnotherLearner() throws Exception {
        present(teacher, "first", 1);
        labs.join(ada, "Ada");
        labs.join(bob, "Bob");
        Wait.until(
                "Ada's copy of the teacher's step",
                () -> uncheckedFollow(ada, "?after=-1"),
                s -> s.path("step").asInt(-1) == 1);
        Wait.until(
                "Bob's copy",
                () -> uncheckedFollow(bob, "?after=-1"),
                s -> s.path("step").asInt(-1) == 1);

        JsonNode own = present(bob, "second", 0); // Bob presents in his own lab
        assertFalse(own.path("followable").asBoolean(), "a learner's lab holds no room");
        assertEquals("first", teacher.workshop().presented().lesson());
        assertEquals(1, follow(ada, "").path("step").asInt());
        assertEquals("first", follow(ada, "").path("lesson").asText());
        assertEquals("first", follow(bob, "").path("lesson").asText(), "Bob follows the teacher");
    }

    @Test
    void thePresenterIsRefusedFromAnotherSiteAndForUnknownSteps() throws Exception {
        RawHttp.Response crossSite =
                RawHttp.postJson(
                        teacher.port(),
                        "/api/present/step",
                        "Sec-Fetch-Site: cross-site\nOrigin: http://evil.example\n",
                        "{\"lesson\":\"first\",\"step\":1}");
        assertEquals(403, crossSite.status());
        assertFalse(teacher.workshop().presented().shown());
        for (String body :
                new String[] {
                    "{\"lesson\":\"first\",\"step\":3}",
                    "{\"lesson\":\"first\",\"step\":-1}",
                    "{\"lesson\":\"nope\",\"step\":0}",
                    "{\"lesson\":\"first\",\"step\":\"1\"}"
                }) {
            RawHttp.Response bad =
                    RawHttp.postJson(teacher.port(), "/api/present/step", BROWSER, body);
            assertEquals(400, bad.status(), body);
        }
        assertFalse(teacher.workshop().presented().shown());
    }

    @Test
    void onlyTheLabsOwnMachinePresents() {
        // the teacher's browser is on the lab's machine; a room's visitors and learners are not
        assertTrue(Workshop.thisMachine("127.0.0.1"));
        assertTrue(Workshop.thisMachine("0:0:0:0:0:0:0:1"));
        assertFalse(Workshop.thisMachine("192.0.2.10"));
        assertFalse(Workshop.thisMachine("2001:db8::1"));
        assertFalse(Workshop.thisMachine("not-an-address.example"));
    }

    @Test
    void aLabOutsideAnyRoomHasNothingToFollow() throws Exception {
        try (LabServer alone = TestLab.start()) {
            assertFalse(follow(alone, "?after=-1").path("available").asBoolean());
            JsonNode shown = present(alone, "first", 2);
            assertFalse(shown.path("followable").asBoolean());
        }
    }

    @Test
    void aSharedLabsVisitorsFollowTheTeachersPresenter() throws Exception {
        try (LabServer shared = TestLab.room()) {
            RawHttp.Response look = TestLab.visit(shared, "/api/follow");
            assertEquals(200, look.status(), look.body());
            assertTrue(JSON.readTree(look.body()).path("available").asBoolean());
            assertEquals("presenter", JSON.readTree(look.body()).path("from").asText());
            RawHttp.Response noToken = RawHttp.get(shared.port(), "/api/follow", "lab.test");
            assertEquals(401, noToken.status(), "the shared lab's token still applies");
        }
    }

    @Test
    void aStepBoardAnswersAtOnceUnlessTheVersionIsCurrent() throws Exception {
        StepBoard board = new StepBoard();
        assertTrue(board.after(-1).isDone());
        var waiting = board.after(0);
        assertFalse(waiting.isDone());
        assertEquals(1, board.waiting());
        board.show("first", 1, 3, "Counting");
        assertEquals(1, waiting.get().step());
        assertEquals(0, board.waiting());
        var cancelled = board.after(1);
        cancelled.cancel(false);
        assertEquals(0, board.waiting(), "a cancelled wait is forgotten");
        board.show("first", 1, 3, "Counting");
        assertEquals(1, board.current().version(), "the same step again is no change");
    }
}
