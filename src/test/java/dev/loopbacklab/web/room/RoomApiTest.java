package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.security.Guards;
import dev.loopbacklab.web.security.SecurityHeadersTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room's API for learners' labs is a Jetty handler ahead of Javalin: every guard a Javalin
 * route passes holds for it too (security headers, the Host allow-list, labs only, POST with small
 * JSON only), and its answers are counted in the lab's metrics.
 */
class RoomApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT =
            "{\"requestId\":\"r1\",\"experiment\":\"test-judge\",\"passed\":true,\"os\":\"linux\",\"numbers\":{}}";

    @TempDir Path roomDir;
    private LabServer teacher;

    @BeforeEach
    void openRoom() {
        teacher = lab(new WorkshopConfig(roomDir, true, null, null, null));
    }

    @AfterEach
    void close() {
        teacher.close();
    }

    private static LabServer lab(WorkshopConfig workshop) {
        return LabServer.start(
                LabConfig.local(0, TestLab.fixtureContent()),
                workshop,
                FakeExperiments.registry(),
                "test");
    }

    private RawHttp.Response post(String path, String headers, String json) throws Exception {
        return RawHttp.postJson(teacher.port(), path, headers, json);
    }

    private String join(String nickname) throws Exception {
        String code = teacher.workshop().room().keys().joinCode();
        RawHttp.Response seated =
                post(
                        "/room/api/join",
                        "",
                        "{\"code\":\""
                                + code
                                + "\",\"nickname\":\""
                                + nickname
                                + "\",\"os\":\"linux\"}");
        assertEquals(201, seated.status(), seated.body());
        return JSON.readTree(seated.body()).path("bearer").asText();
    }

    private RawHttp.Response raw(String head, String body) throws Exception {
        return RawHttp.send(teacher.port(), head + "Connection: close\n\n" + body);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndIsNeverCached() throws Exception {
        String bearer = join("Ada");
        RawHttp.Response stored =
                post("/room/api/verdicts", "Authorization: Bearer " + bearer + "\n", VERDICT);
        assertEquals(201, stored.status(), stored.body());
        assertEquals("application/json", stored.header("Content-Type"));
        assertEquals("no-store", stored.header("Cache-Control"));
        assertTrue(JSON.readTree(stored.body()).path("stored").asLong() > 0, stored.body());
        SecurityHeadersTest.assertStrict("201", stored);
        RawHttp.Response noSeat = post("/room/api/verdicts", "", VERDICT);
        assertEquals(401, noSeat.status());
        SecurityHeadersTest.assertStrict("401", noSeat);
    }

    @Test
    void refusesAForeignHostBeforeAnythingElse() throws Exception {
        String bearer = join("Ada");
        byte[] body = VERDICT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response rebound =
                raw(
                        "POST /room/api/verdicts HTTP/1.1\nHost: evil.example\nAuthorization:"
                                + " Bearer "
                                + bearer
                                + "\nContent-Type: application/json\nContent-Length: "
                                + body.length
                                + "\n",
                        VERDICT);
        assertEquals(403, rebound.status(), rebound.body());
        assertTrue(rebound.header("Content-Type").startsWith("text/plain"));
        SecurityHeadersTest.assertStrict("foreign Host", rebound);
        RawHttp.Response twoHosts =
                raw(
                        "POST /room/api/join HTTP/1.1\nHost: 127.0.0.1\nHost: evil.example\n"
                                + "Content-Type: application/json\nContent-Length: 2\n",
                        "{}");
        // Jetty itself refuses two Host headers (400) before any handler; the guard would (403).
        assertTrue(
                twoHosts.status() == 403 || twoHosts.status() == 400,
                "exactly one Host header: " + twoHosts.status());
        assertEquals(1, teacher.workshop().room().board().learners().size(), "nothing was written");
        assertTrue(teacher.workshop().room().board().learners().get(0).checks().isEmpty());
    }

    @Test
    void refusesBrowsersAndEveryMethodButPost() throws Exception {
        String code = teacher.workshop().room().keys().joinCode();
        String join = "{\"code\":\"" + code + "\",\"nickname\":\"Eve\",\"os\":\"linux\"}";
        assertEquals(403, post("/room/api/join", "Origin: http://evil.example\n", join).status());
        assertEquals(403, post("/room/api/join", "Sec-Fetch-Site: cross-site\n", join).status());
        RawHttp.Response get =
                RawHttp.get(teacher.port(), "/room/api/verdicts", "127.0.0.1:" + teacher.port());
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow"));
        // The one room route Javalin serves keeps the same rule.
        assertEquals(
                403,
                post("/room/api/step", "Origin: http://evil.example\n", "{\"after\":-1}").status());
        assertEquals(0, teacher.workshop().room().learnerCount(), "nobody joined");
    }

    @Test
    void takesOnlySmallJsonObjects() throws Exception {
        String bearer = join("Ada");
        String seat = "Authorization: Bearer " + bearer + "\n";
        String head = "POST /room/api/verdicts HTTP/1.1\nHost: 127.0.0.1\n" + seat;
        assertEquals(
                415,
                raw(head + "Content-Type: text/plain\nContent-Length: 2\n", "{}").status(),
                "a form or plain text is not JSON");
        String large = "{\"pad\":\"" + "x".repeat(Json.MAX_BODY) + "\"}";
        assertEquals(413, post("/room/api/verdicts", seat, large).status(), "announced length");
        String chunk = Integer.toHexString(large.length()) + "\n" + large + "\n0\n\n";
        assertEquals(
                413,
                raw(head + "Content-Type: application/json\nTransfer-Encoding: chunked\n", chunk)
                        .status(),
                "a chunked body is read no further than the limit");
        assertEquals(400, post("/room/api/verdicts", seat, "[1]").status(), "an array");
        assertEquals(400, post("/room/api/verdicts", seat, "{\"requestId\":").status(), "torn");
        RawHttp.Response badName = post("/room/api/join", "", "{\"code\":\"x\"}");
        assertEquals(403, badName.status(), "a malformed code is not the room's");
        String code = teacher.workshop().room().keys().joinCode();
        RawHttp.Response noName =
                post("/room/api/join", "", "{\"code\":\"" + code + "\",\"nickname\":\" \"}");
        assertEquals(400, noName.status(), noName.body());
        assertTrue(JSON.readTree(noName.body()).path("error").asText().contains("nickname"));
        assertTrue(teacher.workshop().room().board().learners().get(0).checks().isEmpty());
    }

    @Test
    void answersNotFoundWhenNoRoomIsOpen() throws Exception {
        try (LabServer learner =
                lab(new WorkshopConfig(roomDir.resolve("none"), false, null, null, null))) {
            RawHttp.Response response =
                    RawHttp.postJson(learner.port(), "/room/api/verdicts", "", VERDICT);
            assertEquals(404, response.status(), response.body());
            SecurityHeadersTest.assertStrict("404", response);
        }
    }

    @Test
    void itsAnswersAreCountedInTheLabsMetrics() throws Exception {
        double before = otherRequests("4xx");
        post("/room/api/verdicts", "", VERDICT);
        post("/room/api/flag", "", "{\"flag\":\"help\"}");
        assertEquals(before + 2, otherRequests("4xx"));
    }

    @Test
    void flatAnswersAreWhatDataBindingWrites() throws Exception {
        java.util.Map<String, Object> join = new java.util.LinkedHashMap<>();
        join.put("learner", 12L);
        join.put("bearer", "12.abc");
        join.put("port", 8080);
        join.put("left", true);
        join.put("words", "reachable \"from\" the room </script> ü");
        assertEquals(JSON.writeValueAsString(join), new String(Json.flat(join), "UTF-8"));
        assertEquals(
                "{\"stored\":7}", new String(Json.flat(java.util.Map.of("stored", 7L)), "UTF-8"));
    }

    private double otherRequests(String status) throws Exception {
        String text = RawHttp.get(teacher.port(), "/metrics", "127.0.0.1:" + teacher.port()).body();
        String series =
                "loopbacklab_http_requests_total{family=\"other\",status=\"" + status + "\"}";
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    void anUnexpectedFailureShowsTheLearnerANumberAndTheTeachersTerminalTheDetails()
            throws Exception {
        String bearer = join("Ada");
        String code = teacher.workshop().room().keys().joinCode();
        // A room that fails under the API: its store is closed, so every change is refused with
        // an exception the API did not expect.
        teacher.workshop().room().close();
        RawHttp.Response verdict;
        RawHttp.Response joined;
        String logged;
        try (CapturedErr err = CapturedErr.start()) {
            verdict = post("/room/api/verdicts", "Authorization: Bearer " + bearer + "\n", VERDICT);
            joined =
                    post(
                            "/room/api/join",
                            "",
                            "{\"code\":\"" + code + "\",\"nickname\":\"Bob\",\"os\":\"linux\"}");
            logged = err.text();
        }
        for (RawHttp.Response failed : List.of(verdict, joined)) {
            assertEquals(500, failed.status(), failed.body());
            SecurityHeadersTest.assertStrict("500", failed);
            String said = JSON.readTree(failed.body()).path("error").asText();
            Matcher incident = Pattern.compile("incident ([0-9a-f]{8})").matcher(said);
            assertTrue(incident.find(), said);
            assertFalse(said.contains("closed"), "the exception's message: " + said);
            assertFalse(failed.body().contains("Exception"), failed.body());
            // The teacher's terminal has the exception, its stack, under the same number.
            String entry =
                    logged.lines()
                            .filter(l -> l.contains("incident " + incident.group(1)))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(logged));
            assertTrue(entry.contains("/room/api/"), entry);
            assertTrue(logged.contains("the room is closed"), logged);
            assertTrue(logged.contains("at dev.loopbacklab.room.RoomStore"), logged);
        }
    }

    @Test
    void aRequestUsesTheRoomItReadFirstEvenIfAnotherOneComesUnderway() throws Exception {
        try (RoomStore first = RoomStore.open(roomDir.resolve("first"));
                RoomStore second = RoomStore.open(roomDir.resolve("second"))) {
            // The open room changes after a request's first read (a room closed and another
            // opened): whatever a request does, it does to the room it read first.
            AtomicReference<RoomStore> open = new AtomicReference<>(first);
            Server server = apiAlone(() -> open.getAndSet(second));
            try {
                int port = portOf(server);
                String join =
                        "{\"code\":\""
                                + first.keys().joinCode()
                                + "\",\"nickname\":\"Ada\",\"os\":\"linux\"}";
                RawHttp.Response seated = RawHttp.postJson(port, "/room/api/join", "", join);
                assertEquals(201, seated.status(), seated.body());
                assertEquals(1, first.learnerCount());
                assertEquals(0, second.learnerCount());
                String bearer = JSON.readTree(seated.body()).path("bearer").asText();

                open.set(first);
                RawHttp.Response stored =
                        RawHttp.postJson(
                                port,
                                "/room/api/verdicts",
                                "Authorization: Bearer " + bearer + "\n",
                                VERDICT);
                assertEquals(201, stored.status(), stored.body());
                assertEquals(1, first.board().passed("test-judge"));
                assertEquals(0, second.learnerCount());
            } finally {
                server.stop();
            }
        }
    }

    /**
     * The room's API alone on a Jetty server of its own, reading the open room from {@code rooms}.
     */
    private static Server apiAlone(Supplier<RoomStore> rooms) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(
                new RoomApi(rooms, new Guards("127.0.0.1", Set.of(), false, null), (p, s) -> {}));
        server.start();
        return server;
    }

    private static int portOf(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Test
    void aLibrarysIllegalArgumentIsAnIncidentAndOnlyTheRoomsOwnWordsAreAnswered() throws Exception {
        try (RoomStore room = RoomStore.open(roomDir.resolve("own"))) {
            // Something under the API fails in a library with an IllegalArgumentException whose
            // message names a path of the teacher's machine (java.net's own words, not the lab's).
            AtomicBoolean failing = new AtomicBoolean(true);
            Server server =
                    apiAlone(
                            () -> {
                                if (failing.get()) {
                                    URI.create("file:///home/teacher/secret room/room.mv.db");
                                }
                                return room;
                            });
            try {
                int port = portOf(server);
                String join =
                        "{\"code\":\""
                                + room.keys().joinCode()
                                + "\",\"nickname\":\"Ada\",\"os\":\"linux\"}";
                RawHttp.Response failed;
                String logged;
                try (CapturedErr err = CapturedErr.start()) {
                    failed = RawHttp.postJson(port, "/room/api/join", "", join);
                    logged = err.text();
                }
                assertEquals(500, failed.status(), failed.body());
                String said = JSON.readTree(failed.body()).path("error").asText();
                Matcher incident = Pattern.compile("incident ([0-9a-f]{8})").matcher(said);
                assertTrue(incident.find(), said);
                for (String leak : List.of("secret", "/home/", "Illegal character", "index")) {
                    assertFalse(failed.body().contains(leak), leak + " in " + failed.body());
                }
                assertTrue(logged.contains("incident " + incident.group(1)), logged);
                assertTrue(logged.contains("/home/teacher/secret room"), logged);
                assertEquals(0, room.learnerCount());

                // The room's own validation still answers in its words.
                failing.set(false);
                RawHttp.Response noName =
                        RawHttp.postJson(
                                port, "/room/api/join", "", join.replace("\"Ada\"", "\"\""));
                assertEquals(400, noName.status(), noName.body());
                assertEquals("pick a nickname (1 to 24 characters)", error(noName));
                RawHttp.Response seated = RawHttp.postJson(port, "/room/api/join", "", join);
                assertEquals(201, seated.status(), seated.body());
                String seat =
                        "Authorization: Bearer "
                                + JSON.readTree(seated.body()).path("bearer").asText()
                                + "\n";
                RawHttp.Response flag =
                        RawHttp.postJson(port, "/room/api/flag", seat, "{\"flag\":\"maybe\"}");
                assertEquals(400, flag.status(), flag.body());
                assertEquals("flag must be one of none, help, done", error(flag));
                RawHttp.Response os =
                        RawHttp.postJson(
                                port,
                                "/room/api/verdicts",
                                seat,
                                VERDICT.replace("\"linux\"", "\"beos\""));
                assertEquals(400, os.status(), os.body());
                assertEquals("os is missing or not well formed", error(os));
                StringBuilder nine = new StringBuilder("{");
                for (int i = 0; i < 9; i++) {
                    nine.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":\"1\"");
                }
                RawHttp.Response many =
                        RawHttp.postJson(
                                port,
                                "/room/api/verdicts",
                                seat,
                                VERDICT.replace("\"numbers\":{}", "\"numbers\":" + nine + "}"));
                assertEquals(400, many.status(), many.body());
                assertEquals("at most 8 numbers", error(many));
            } finally {
                server.stop();
            }
        }
    }

    private static String error(RawHttp.Response response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    @Test
    void joinsArrivingTogetherNeverSeatMoreThanTheRoomTakes() throws Exception {
        try (RoomStore room = RoomStore.open(roomDir.resolve("small"), 5)) {
            // The room's writer is held on its first change (a clear) until all twenty joins
            // wait for it: each passed the early check in an empty room, and only the room itself,
            // writing the seats, can refuse fifteen of them.
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            room.subscribe(
                    event -> {
                        if (first.getAndSet(false)) {
                            held.countDown();
                            awaitQuietly(release);
                        }
                    });
            Server server = apiAlone(() -> room);
            ExecutorService labs = Executors.newFixedThreadPool(20);
            try {
                room.clear();
                held.await();
                int port = portOf(server);
                String code = room.keys().joinCode();
                List<Future<RawHttp.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String join =
                            "{\"code\":\""
                                    + code
                                    + "\",\"nickname\":\"L"
                                    + i
                                    + "\",\"os\":\"linux\"}";
                    answers.add(
                            labs.submit(() -> RawHttp.postJson(port, "/room/api/join", "", join)));
                }
                Wait.until("twenty joins waiting for the room", room::waiting, n -> n == 20);
                release.countDown();
                List<String> refusals = new ArrayList<>();
                int seated = 0;
                for (Future<RawHttp.Response> answer : answers) {
                    RawHttp.Response response = answer.get();
                    if (response.status() == 201) {
                        seated++;
                    } else {
                        assertEquals(503, response.status(), response.body());
                        refusals.add(error(response));
                    }
                }
                assertEquals(5, seated);
                assertEquals(5, room.learnerCount());
                // The same answer the early check gives a join that comes after.
                String lateJoin =
                        "{\"code\":\"" + code + "\",\"nickname\":\"Late\",\"os\":\"linux\"}";
                RawHttp.Response late = RawHttp.postJson(port, "/room/api/join", "", lateJoin);
                assertEquals(503, late.status(), late.body());
                assertEquals("the room is full (5 learners)", error(late));
                assertEquals(15, refusals.size());
                assertEquals(Set.of(error(late)), Set.copyOf(refusals));
            } finally {
                release.countDown();
                labs.shutdownNow();
                server.stop();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
