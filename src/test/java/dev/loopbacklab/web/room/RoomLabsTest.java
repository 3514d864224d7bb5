package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.experiments.exposure.RoomReach;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.room.BoardState;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.RoomLabs;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real labs in one test: a teacher's lab with a room open and two learners' labs on loopback, one
 * sending from 127.0.0.1 and one from 127.0.0.2, as a second machine would.
 */
class RoomLabsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Sec-Fetch-Site: same-origin\n";

    @RegisterExtension final RoomLabs labs = RoomLabs.fixtures(withRoomReach());
    // a new test instance, so new labs, for every test; the extension closes them after it
    private final LabServer teacher = labs.teacher();
    private final LabServer ada = labs.learner("127.0.0.1");
    private final LabServer bob = labs.learner("127.0.0.2");

    private static ExperimentRegistry withRoomReach() {
        List<Experiment> experiments = new ArrayList<>(FakeExperiments.registry().all());
        experiments.add(new RoomReach());
        return new ExperimentRegistry(experiments);
    }

    /** Starts a run in a learner's lab as its page does, and waits for it to end. */
    private static dev.loopbacklab.web.runs.Run runAndWait(LabServer learner, String id, int port)
            throws Exception {
        RawHttp.Response started =
                RawHttp.postJson(
                        learner.port(),
                        "/api/runs",
                        BROWSER,
                        "{\"experiment\":\"" + id + "\",\"params\":{\"port\":\"" + port + "\"}}");
        assertEquals(201, started.status(), started.body());
        String run = JSON.readTree(started.body()).path("id").asText();
        var found = learner.runs().find(run).orElseThrow();
        until(() -> found.outcome() != null);
        return found;
    }

    private static void judge(LabServer learner, boolean pass) throws Exception {
        RawHttp.Response started =
                RawHttp.postJson(
                        learner.port(),
                        "/api/runs",
                        BROWSER,
                        "{\"experiment\":\"test-judge\",\"params\":{\"pass\":\""
                                + pass
                                + "\",\"host\":\"127.0.0.1\",\"port\":\"7\"}}");
        assertEquals(201, started.status(), started.body());
    }

    private BoardState.Learner row(String nickname) {
        return teacher.workshop().room().board().learners().stream()
                .filter(l -> l.nickname().equals(nickname))
                .findFirst()
                .orElse(null);
    }

    /** Waits for a state; the suite's default timeout bounds it, never a clock window here. */
    private static void until(BooleanSupplier state) {
        Wait.until("the room's state", state);
    }

    @Test
    void learnersJoinAndTheirVerdictsReachTheBoard() throws Exception {
        JsonNode joined = labs.join(ada, "Ada");
        assertTrue(joined.path("joined").asBoolean());
        labs.join(bob, "<b>Bob</b>");

        judge(ada, true);
        judge(bob, false);

        until(() -> row("Ada") != null && row("Ada").checks().containsKey("test-judge"));
        until(
                () ->
                        row("<b>Bob</b>") != null
                                && row("<b>Bob</b>").checks().containsKey("test-judge"));
        assertTrue(row("Ada").checks().get("test-judge").passed());
        assertFalse(row("<b>Bob</b>").checks().get("test-judge").passed());
        assertTrue(row("<b>Bob</b>").stuckSinceMillis() > 0, "a failure starts the stuck clock");
        assertEquals(0, row("Ada").stuckSinceMillis());
        assertEquals(1, teacher.workshop().room().board().passed("test-judge"));

        // What was sent is listed on the learner's own lab, word for word, without the secret.
        until(() -> sentList(ada).contains("/room/api/verdicts"));
        String sent = sentList(ada);
        assertTrue(sent.contains("test-judge"), sent);
        assertTrue(sent.contains("(kept by this lab)"), sent);
        String secret = joined.path("sent").get(0).path("answer").asText();
        assertFalse(
                secret.matches(".*\\d+\\.[A-Za-z0-9_-]{24}.*"),
                "the seat's secret is never listed: " + sent);
        assertFalse(sent.matches(".*\\d+\\.[A-Za-z0-9_-]{24}.*"), sent);
    }

    private static String sentList(LabServer learner) {
        try {
            return JSON.readTree(RawHttp.get(learner.port(), "/api/room", "127.0.0.1").body())
                    .path("sent")
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void flagsReachTheBoardAndLeavingStopsTheSeat() throws Exception {
        labs.join(ada, "Ada");
        RawHttp.Response help =
                RawHttp.postJson(ada.port(), "/api/room/flag", BROWSER, "{\"flag\":\"help\"}");
        assertEquals(200, help.status(), help.body());
        until(() -> row("Ada") != null && row("Ada").flag().equals("help"));
        assertTrue(row("Ada").stuckSinceMillis() > 0, "asking for help counts as stuck");

        RawHttp.postJson(ada.port(), "/api/room/leave", BROWSER, "{}");
        until(() -> row("Ada").left());
        judge(ada, true); // after leaving, nothing more is sent
        RawHttp.Response bad =
                RawHttp.postJson(ada.port(), "/api/room/flag", BROWSER, "{\"flag\":\"bogus\"}");
        assertEquals(400, bad.status());
        assertFalse(row("Ada").checks().containsKey("test-judge"));
    }

    @Test
    void theRoomReachesBackOnlyToTheLearnersOwnAddress() throws Exception {
        labs.join(ada, "Ada");
        labs.join(bob, "Bob");
        try (ServerSocket loopbackOnly = new ServerSocket();
                ServerSocket everywhere = new ServerSocket()) {
            loopbackOnly.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            everywhere.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            // Bob presses the check in his lab, which sends from 127.0.0.2: the room connects
            // back to 127.0.0.2, where a server bound to 127.0.0.1 is not.
            var checked = runAndWait(bob, "exposure-room-reach", loopbackOnly.getLocalPort());
            assertEquals("NOT_PASSED", checked.outcome().name());
            assertTrue(
                    checked.events().toString().contains("refused"), checked.events().toString());
            // Cy's lab sends from 127.0.0.2 too: a server bound to every address is reached there.
            try (LabServer cy = labs.learner("127.0.0.2")) {
                labs.join(cy, "Cy");
                assertEquals(
                        "reachable", cy.workshop().membership().reach(everywhere.getLocalPort()));
            }
            // Ada's lab sends from 127.0.0.1, so even a loopback-only server of hers is reached.
            assertEquals(
                    "reachable", ada.workshop().membership().reach(loopbackOnly.getLocalPort()));
        }
    }

    @Test
    void theBoardStreamsTheStateThenEachChange() throws Exception {
        RoomStore room = teacher.workshop().room();
        String cookie = "Cookie: " + BoardRoutes.COOKIE + "=" + room.keys().boardToken() + "\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), teacher.port()));
            socket.getOutputStream()
                    .write(
                            ("GET /room/board/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                            + cookie.replace("\n", "\r\n")
                                            + "\r\n")
                                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("event: state")) {
                // headers, then the first event
            }
            assertEquals("event: state", line);
            labs.join(ada, "Ada");
            while ((line = in.readLine()) != null && !line.startsWith("data: {\"type\":\"join\"")) {
                // keep-alive comments
            }
            assertTrue(line.contains("\"nickname\":\"Ada\""), line);
        }
    }

    @Test
    void theRoomRefusesBrowsersWrongCodesAndStrangersSeats() throws Exception {
        String code = teacher.workshop().room().keys().joinCode();
        String join = "{\"code\":\"" + code + "\",\"nickname\":\"Eve\",\"os\":\"linux\"}";
        assertEquals(
                403,
                RawHttp.postJson(
                                teacher.port(),
                                "/room/api/join",
                                "Origin: http://evil.example\n",
                                join)
                        .status(),
                "a web page cannot use a join code");
        String wrong = join.replace(code, "A".repeat(24));
        assertEquals(403, RawHttp.postJson(teacher.port(), "/room/api/join", "", wrong).status());
        RawHttp.Response seated = RawHttp.postJson(teacher.port(), "/room/api/join", "", join);
        assertEquals(201, seated.status(), seated.body());
        String bearer = JSON.readTree(seated.body()).path("bearer").asText();
        String verdict =
                "{\"requestId\":\"r1\",\"experiment\":\"test-judge\",\"passed\":true,\"os\":\"linux\",\"numbers\":{}}";
        String stranger = bearer.substring(0, bearer.indexOf('.') + 1) + "B".repeat(24);
        assertEquals(
                401,
                RawHttp.postJson(
                                teacher.port(),
                                "/room/api/verdicts",
                                "Authorization: Bearer " + stranger + "\n",
                                verdict)
                        .status());
        assertEquals(
                401, RawHttp.postJson(teacher.port(), "/room/api/verdicts", "", verdict).status());
        RawHttp.Response stored =
                RawHttp.postJson(
                        teacher.port(),
                        "/room/api/verdicts",
                        "Authorization: Bearer " + bearer + "\n",
                        verdict);
        assertEquals(201, stored.status(), stored.body());
        // A repeat of the same request (a retry after a lost answer) is stored once.
        RawHttp.postJson(
                teacher.port(),
                "/room/api/verdicts",
                "Authorization: Bearer " + bearer + "\n",
                verdict);
        assertEquals(1, row("Eve").checks().get("test-judge").attempts());
        String tooMany =
                verdict.replace(
                                "\"numbers\":{}",
                                "\"numbers\":{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\",\"e\":\"1\",\"f\":\"1\",\"g\":\"1\",\"h\":\"1\",\"i\":\"1\"}")
                        .replace("r1", "r2");
        assertEquals(
                400,
                RawHttp.postJson(
                                teacher.port(),
                                "/room/api/verdicts",
                                "Authorization: Bearer " + bearer + "\n",
                                tooMany)
                        .status());
        assertEquals(
                401,
                RawHttp.get(teacher.port(), "/room/board/state", "127.0.0.1").status(),
                "the board needs its token");
        assertNull(ada.workshop().room(), "a learner's lab opens no room");
    }

    @Test
    void theTeachersButtonOpensARoomFromThisMachineOnly() throws Exception {
        assertNull(ada.workshop().room());
        RawHttp.Response opened = RawHttp.postJson(ada.port(), "/api/room/open", BROWSER, "{}");
        assertEquals(200, opened.status(), opened.body());
        JsonNode links = JSON.readTree(opened.body());
        assertTrue(links.path("board").asText().contains("/room/board?board="), opened.body());
        assertTrue(links.path("join").asText().contains("/join?code="), opened.body());
        assertTrue(ada.workshop().room() != null);
        RawHttp.Response crossSite =
                RawHttp.postJson(
                        ada.port(), "/api/room/open", "Sec-Fetch-Site: cross-site\n", "{}");
        assertEquals(403, crossSite.status(), "another site's page cannot open a room");
    }

    @Test
    void theGridExportsAsCsvSafeForSpreadsheets() throws Exception {
        labs.join(ada, "=HYPERLINK(\"x\")");
        judge(ada, true);
        until(
                () ->
                        row("=HYPERLINK(\"x\")") != null
                                && !row("=HYPERLINK(\"x\")").checks().isEmpty());
        String cookie =
                "Cookie: "
                        + BoardRoutes.COOKIE
                        + "="
                        + teacher.workshop().room().keys().boardToken();
        RawHttp.Response csv =
                RawHttp.send(
                        teacher.port(),
                        "GET /room/board/grid.csv HTTP/1.1\nHost: 127.0.0.1\n"
                                + cookie
                                + "\nConnection: close\n\n");
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("'=HYPERLINK"), csv.body());
        assertTrue(csv.body().contains("passed"), csv.body());
    }
}
