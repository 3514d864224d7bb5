package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lab serving a room: it listens on the wildcard address, but these tests only ever connect
 * through 127.0.0.1, sending the room's name {@code lab.test} as Host.
 */
class RoomModeTest {
    private static final String TOKEN = TestLab.ROOM_TOKEN;
    private static final String COOKIE = "Cookie: " + TokenGate.COOKIE + "=" + TOKEN + "\n";
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::room);

    private static String host() {
        return "lab.test:" + lab.port();
    }

    private static RawHttp.Response get(String path, String headers) throws Exception {
        return RawHttp.send(
                lab.port(),
                "GET "
                        + path
                        + " HTTP/1.1\nHost: "
                        + host()
                        + "\n"
                        + headers
                        + "Connection: close\n\n");
    }

    private static RawHttp.Response post(String headers, String json) throws Exception {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return RawHttp.send(
                lab.port(),
                "POST /api/runs HTTP/1.1\nHost: "
                        + host()
                        + "\n"
                        + headers
                        + "Content-Type: application/json\nContent-Length: "
                        + length
                        + "\nConnection: close\n\n"
                        + json);
    }

    @Test
    void listensOnTheWildcardAddress() {
        assertTrue(lab.server().config().roomMode());
        assertTrue(
                SocketTable.listening().stream()
                        .filter(e -> e.localPort() == lab.port())
                        .anyMatch(e -> e.localAddress().isAnyLocalAddress()));
    }

    @Test
    void everyRouteWithoutTheTokenIs401() throws Exception {
        for (String path : TestLab.EVERY_KIND_OF_ROUTE) {
            RawHttp.Response response = get(path, "");
            assertEquals(401, response.status(), path);
            assertTrue(response.body().contains("?token="), response.body());
            assertNotNull(response.header("content-security-policy"), path);
        }
        assertEquals(
                401,
                post("Sec-Fetch-Site: same-origin\n", "{\"experiment\":\"test-judge\"}").status());
    }

    @Test
    void aWrongTokenIs403InTheLinkOrTheCookie() throws Exception {
        assertEquals(403, get("/?token=" + TOKEN.substring(1), "").status());
        assertEquals(403, get("/?token=", "").status());
        assertEquals(403, get("/", "Cookie: " + TokenGate.COOKIE + "=" + TOKEN + "x\n").status());
        assertEquals(403, get("/", "Cookie: " + TokenGate.COOKIE + "=\n").status());
    }

    @Test
    void theLinkSavesTheTokenInAStrictHttpOnlyCookieAndMovesOnWithoutIt() throws Exception {
        RawHttp.Response response = get("/lessons/first?token=" + TOKEN + "&step=2", "");
        assertEquals(200, response.status());
        String cookie = response.header("set-cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith(TokenGate.COOKIE + "=" + TOKEN + ";"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertEquals("no-store", response.header("cache-control"));
        Document page = Jsoup.parse(response.body());
        assertEquals(
                "0; url=/lessons/first?step=2",
                page.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("/lessons/first?step=2", page.selectFirst("a").attr("href"));
        assertFalse(response.body().contains(TOKEN));
    }

    @Test
    void anEncodedTokenNameLeavesTheAddressBarToo() throws Exception {
        for (String query :
                List.of(
                        "t%6fken=" + TOKEN + "&a=b",
                        "%74%6F%6B%65%6E=" + TOKEN + "&a=b",
                        "a=b&token=" + TOKEN + "&t%6Fken=" + TOKEN)) {
            RawHttp.Response response = get("/?" + query, "");
            assertEquals(200, response.status(), query);
            assertTrue(response.header("set-cookie").startsWith(TokenGate.COOKIE + "="), query);
            assertEquals(
                    "0; url=/?a=b",
                    Jsoup.parse(response.body())
                            .selectFirst("meta[http-equiv=refresh]")
                            .attr("content"),
                    query);
            assertFalse(response.body().contains(TOKEN), query);
        }
    }

    @Test
    void theNextPageIsAlwaysOnThisLab() throws Exception {
        for (String path : List.of("//evil.example/", "/%2F%2Fevil.example", "/a\\b")) {
            RawHttp.Response response = get(path + "?token=" + TOKEN, "");
            if (response.status() == 200) {
                String next =
                        Jsoup.parse(response.body())
                                .selectFirst("meta[http-equiv=refresh]")
                                .attr("content")
                                .substring("0; url=".length());
                assertTrue(
                        next.startsWith("/") && !next.startsWith("//") && !next.contains("\\"),
                        next);
            } else {
                assertEquals(400, response.status(), path);
            }
        }
    }

    @Test
    void withTheCookieEveryPageShowsTheRoomBanner() throws Exception {
        for (String path : List.of("/", "/lessons/first", "/nowhere")) {
            RawHttp.Response response = get(path, COOKIE);
            assertTrue(response.status() == 200 || response.status() == 404, path);
            Document page = Jsoup.parse(response.body());
            String banner = page.selectFirst(".room-banner").text();
            assertTrue(banner.contains("teacher's shared lab"), path + ": " + banner);
            assertTrue(banner.contains("happens on the teacher's machine, not yours"), banner);
        }
        assertEquals(200, get("/assets/lab.css", COOKIE).status());
    }

    @Test
    void aRoomVisitorNeverGetsTheFacilitatorNotes() throws Exception {
        RawHttp.Response response = get("/lessons/first", COOKIE);
        assertEquals(200, response.status());
        Document page = Jsoup.parse(response.body());
        assertNotNull(page.selectFirst("[data-experiment=test-count]"), "the lesson is there");
        assertNull(page.selectFirst(".facilitator-notes"));
        assertFalse(response.body().contains("Ask the room"), "the notes' text is not sent");
        assertFalse(response.body().contains("Run the counter."), "nor their timing");
    }

    @Test
    void foreignHostsAreRefusedEvenWithTheToken() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET /?token="
                                + TOKEN
                                + " HTTP/1.1\nHost: evil.example\n"
                                + COOKIE
                                + "Connection: close\n\n");
        assertEquals(403, response.status());
        assertEquals(
                200,
                RawHttp.send(
                                lab.port(),
                                "GET / HTTP/1.1\nHost: 127.0.0.1:"
                                        + lab.port()
                                        + "\n"
                                        + COOKIE
                                        + "Connection: close\n\n")
                        .status());
    }

    @Test
    void runsNeedTheTokenAndABrowserSameOriginRequest() throws Exception {
        String json = "{\"experiment\":\"test-judge\"}";
        assertEquals(403, post(COOKIE, json).status(), "no Origin, no Sec-Fetch-Site");
        assertEquals(403, post(COOKIE + "Origin: http://evil.example\n", json).status());
        assertEquals(201, post(COOKIE + "Origin: http://" + host() + "\n", json).status());
        assertEquals(201, post(COOKIE + "Sec-Fetch-Site: same-origin\n", json).status());
    }

    @Test
    void experimentsStillOnlyTouchLoopback() throws Exception {
        RawHttp.Response response =
                post(
                        COOKIE + "Sec-Fetch-Site: same-origin\n",
                        "{\"experiment\":\"test-judge\",\"params\":{\"host\":\"10.0.0.1\"}}");
        assertEquals(400, response.status());
        assertTrue(response.body().contains("127.0.0.1"), response.body());
    }

    @Test
    void aRoomWithoutAStrongTokenDoesNotStart() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LabConfig.room("0.0.0.0", 0, TestLab.fixtureContent(), Set.of(), null));
        assertThrows(
                IllegalArgumentException.class,
                () -> LabConfig.room("0.0.0.0", 0, TestLab.fixtureContent(), Set.of(), "short"));
        assertThrows(
                IllegalArgumentException.class,
                () -> LabConfig.room("lab.example", 0, TestLab.fixtureContent(), Set.of(), TOKEN),
                "names are not looked up");
    }

    @Test
    void aRoomAnswersToItsOwnAddressesToo() {
        Set<String> allowed =
                RoomHosts.allowed(lab.server().config().host(), lab.server().config().extraHosts());
        assertTrue(allowed.contains("lab.test"));
        assertTrue(allowed.containsAll(RoomHosts.ownAddresses()));
        LabConfig specific =
                LabConfig.room("192.0.2.7", 0, TestLab.fixtureContent(), Set.of(), TOKEN);
        assertEquals(
                Set.of("192.0.2.7"), RoomHosts.allowed(specific.host(), specific.extraHosts()));
    }
}
