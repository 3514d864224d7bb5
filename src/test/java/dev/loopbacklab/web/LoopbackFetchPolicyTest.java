package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.security.SecurityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lesson 11's page, and only that page, may fetch() from other loopback origins: its policy widens
 * connect-src to loopback (and 0.0.0.0, so the lesson measures the browser, not the policy); every
 * other page and asset keeps connect-src 'self'.
 */
class LoopbackFetchPolicyTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::real);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static String policy(String path) throws Exception {
        HttpResponse<Void> response =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(lab.url() + path.substring(1))).build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode(), path);
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    void theBrowserLessonMayFetchFromLoopbackOriginsOnly() throws Exception {
        String csp = policy("/lessons/browser-and-localhost");
        assertEquals(SecurityHeaders.CSP_LOOPBACK_FETCH, csp);
        assertTrue(
                csp.contains(
                        "connect-src 'self' http://127.0.0.1:* http://localhost:*"
                                + " http://*.localhost:* http://0.0.0.0:*;"),
                csp);
        assertTrue(csp.contains("script-src 'self';"), "scripts stay the lab's own: " + csp);
        assertTrue(
                !csp.contains("[::1]"), "CSP has no IPv6 literals; Chromium rejects them: " + csp);
    }

    @Test
    void everyOtherPageKeepsConnectSrcSelf() throws Exception {
        for (String path : new String[] {"/", "/lessons/exposure", "/assets/browser-lab.js"}) {
            assertEquals(SecurityHeaders.CSP, policy(path), path);
        }
    }
}
