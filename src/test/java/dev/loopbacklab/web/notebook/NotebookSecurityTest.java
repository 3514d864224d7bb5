package dev.loopbacklab.web.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Running code from a page is a capability: only a request with the secret the lab printed, from
 * the lab's own origin, addressed to the lab by one of its names, and never in room mode. Each
 * refusal is checked to open no session; one allowed request shows the refusals are not vacuous.
 */
class NotebookSecurityTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);
    private static String secret;

    @BeforeAll
    static void readTheSecret() {
        String link = lab.server().notebookUrl();
        secret = link.substring(link.indexOf("?jshell=") + 8);
    }

    private static String cookie(String value) {
        return "Cookie: loopback_lab_jshell=" + value + "\n";
    }

    private static RawHttp.Response open(String host, String headers, String type)
            throws Exception {
        String json = "{\"lesson\":\"first\"}";
        return RawHttp.send(
                lab.port(),
                "POST /api/jshell/sessions HTTP/1.1\nHost: "
                        + host
                        + "\n"
                        + headers
                        + "Content-Type: "
                        + type
                        + "\nContent-Length: "
                        + json.getBytes(StandardCharsets.UTF_8).length
                        + "\nConnection: close\n\n"
                        + json);
    }

    private static String here() {
        return "127.0.0.1:" + lab.port();
    }

    @Test
    void theLinkCarriesA192BitSecretAndThePlainAddressStaysPlain() {
        assertTrue(
                lab.server().notebookUrl().startsWith(lab.url() + "?jshell="),
                lab.server().notebookUrl());
        assertEquals(32, secret.length());
        assertFalse(lab.url().contains("jshell"));
    }

    @Test
    void theLinkSetsAStrictHttpOnlyCookieAndMovesOnWithoutTheSecret() throws Exception {
        RawHttp.Response entered =
                RawHttp.get(lab.port(), "/lessons/first?jshell=" + secret + "&x=1", here());
        assertEquals(200, entered.status());
        String setCookie = entered.header("Set-Cookie");
        assertTrue(setCookie.startsWith("loopback_lab_jshell=" + secret + ";"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/api/jshell"), setCookie);
        String refresh =
                Jsoup.parse(entered.body()).selectFirst("meta[http-equiv=refresh]").attr("content");
        assertEquals("0; url=/lessons/first?x=1", refresh);
    }

    @Test
    void anEncodedSecretNameLeavesTheAddressBarToo() throws Exception {
        // the server reads j%73hell as jshell, so the page must not carry it on either
        for (String query :
                List.of(
                        "jshell=" + secret + "&j%73hell=" + secret + "&x=1",
                        "jshell=" + secret + "&%6A%73%68%65%6C%6C=" + secret + "&x=1")) {
            RawHttp.Response entered = RawHttp.get(lab.port(), "/lessons/first?" + query, here());
            assertEquals(200, entered.status(), query);
            assertEquals(
                    "0; url=/lessons/first?x=1",
                    Jsoup.parse(entered.body())
                            .selectFirst("meta[http-equiv=refresh]")
                            .attr("content"),
                    query);
            assertFalse(entered.body().contains(secret), query);
        }
    }

    @Test
    void aWrongSecretInTheLinkIsRefusedAndSetsNothing() throws Exception {
        RawHttp.Response wrong =
                RawHttp.get(
                        lab.port(), "/?jshell=" + secret.replace(secret.charAt(0), '~'), here());
        assertEquals(403, wrong.status());
        assertNull(wrong.header("Set-Cookie"));
    }

    @Test
    void thePagesWorkWithoutTheSecretAndSayHowToRunCode() throws Exception {
        RawHttp.Response page = RawHttp.get(lab.port(), "/lessons/first", here());
        assertEquals(200, page.status());
        assertNull(page.header("Set-Cookie"));
        assertFalse(Jsoup.parse(page.body()).select("[data-jshell-cell]").isEmpty());
        RawHttp.Response status = RawHttp.get(lab.port(), "/api/jshell/status", here());
        assertTrue(status.body().contains("\"allowed\":false"), status.body());
        assertTrue(status.body().contains("?jshell="), status.body());
    }

    @Test
    void aMissingSecretOpensNoSession() throws Exception {
        RawHttp.Response refused = open(here(), "", "application/json");
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.body().contains(LabCommand.with("jshell")));
        assertEquals(0, lab.server().notebook().openSessions());
    }

    @Test
    void aWrongSecretOpensNoSession() throws Exception {
        String wrong = secret.substring(0, 31) + (secret.endsWith("A") ? "B" : "A");
        assertEquals(403, open(here(), cookie(wrong), "application/json").status());
        assertEquals(403, open(here(), cookie(""), "application/json").status());
        assertEquals(0, lab.server().notebook().openSessions());
    }

    @Test
    void aForgedHostIsRefusedEvenWithTheSecret() throws Exception {
        for (String host :
                new String[] {"evil.example", "localhost.evil.example", "127.0.0.1.nip.io"}) {
            assertEquals(403, open(host, cookie(secret), "application/json").status(), host);
        }
        RawHttp.Response status = RawHttp.get(lab.port(), "/api/jshell/status", "evil.example");
        assertEquals(403, status.status());
        assertEquals(0, lab.server().notebook().openSessions());
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithTheSecret() throws Exception {
        assertEquals(
                403,
                open(here(), cookie(secret) + "Sec-Fetch-Site: cross-site\n", "application/json")
                        .status());
        assertEquals(
                403,
                open(here(), cookie(secret) + "Origin: http://evil.example\n", "application/json")
                        .status());
        // another port of 127.0.0.1 is the same site (the Strict cookie goes along) but not the
        // same origin: a page a learner's own toy server serves must not run code either
        assertEquals(
                403,
                open(
                                here(),
                                cookie(secret)
                                        + "Sec-Fetch-Site: same-site\nOrigin: http://127.0.0.1:1\n",
                                "application/json")
                        .status());
        assertEquals(
                403,
                open(here(), cookie(secret) + "Origin: http://127.0.0.1:1\n", "application/json")
                        .status());
        // what a plain HTML form can send without a preflight
        assertEquals(415, open(here(), cookie(secret), "text/plain").status());
        assertEquals(
                415, open(here(), cookie(secret), "application/x-www-form-urlencoded").status());
        assertEquals(0, lab.server().notebook().openSessions());
    }

    @Test
    void theSecretFromTheLabsOwnPageRunsACell() throws Exception {
        RawHttp.Response opened =
                open(
                        here(),
                        cookie(secret)
                                + "Sec-Fetch-Site: same-origin\nOrigin: http://"
                                + here()
                                + "\n",
                        "application/json");
        assertEquals(201, opened.status(), opened.body());
        assertEquals(1, lab.server().notebook().openSessions());
        String id = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        RawHttp.Response ran =
                RawHttp.postJson(
                        lab.port(),
                        "/api/jshell/sessions/" + id + "/cells",
                        cookie(secret),
                        "{\"code\":\"6 * 7\"}");
        assertEquals(202, ran.status(), ran.body());
        assertEquals(
                202,
                RawHttp.postJson(
                                lab.port(),
                                "/api/jshell/sessions/" + id + "/close",
                                cookie(secret),
                                "{}")
                        .status());
        assertEquals(0, lab.server().notebook().openSessions());
    }
}
