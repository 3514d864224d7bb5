package dev.loopbacklab.web.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lab serving a room runs no code from its pages: there is no secret to print, and a room visitor
 * with the room's token, from the room's own origin, still opens no session.
 */
class RoomVisitorNotebookTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::room);

    private static String host() {
        return "lab.test:" + lab.port();
    }

    private static String visitor() {
        return "Cookie: loopback_lab_token="
                + TestLab.ROOM_TOKEN
                + "; loopback_lab_jshell=anything-at-all-0123456789abcdef\n"
                + "Origin: http://"
                + host()
                + "\nSec-Fetch-Site: same-origin\n";
    }

    @Test
    void theRoomLinkCarriesNoJShellSecret() {
        assertEquals(lab.url(), lab.server().notebookUrl());
    }

    @Test
    void aRoomVisitorOpensNoSession() throws Exception {
        String json = "{\"lesson\":\"first\"}";
        RawHttp.Response refused =
                RawHttp.send(
                        lab.port(),
                        "POST /api/jshell/sessions HTTP/1.1\nHost: "
                                + host()
                                + "\n"
                                + visitor()
                                + "Content-Type: application/json\nContent-Length: "
                                + json.getBytes(StandardCharsets.UTF_8).length
                                + "\nConnection: close\n\n"
                                + json);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("serves a room"), refused.body());
        assertEquals(0, lab.server().notebook().openSessions());
    }

    @Test
    void aRoomVisitorIsToldToRunJShellOnTheirOwnMachine() throws Exception {
        RawHttp.Response status =
                RawHttp.send(
                        lab.port(),
                        "GET /api/jshell/status HTTP/1.1\nHost: "
                                + host()
                                + "\n"
                                + visitor()
                                + "Connection: close\n\n");
        assertEquals(200, status.status());
        assertTrue(status.body().contains("\"state\":\"room\""), status.body());
        assertTrue(status.body().contains("\"allowed\":false"), status.body());
    }

    @Test
    void aJShellParameterInARoomSetsNoCookie() throws Exception {
        RawHttp.Response page =
                RawHttp.send(
                        lab.port(),
                        "GET /?jshell=anything-at-all-0123456789abcdef HTTP/1.1\nHost: "
                                + host()
                                + "\n"
                                + visitor()
                                + "Connection: close\n\n");
        assertEquals(200, page.status());
        assertNull(page.header("Set-Cookie"));
    }
}
