package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the lab's own pages (or, on loopback, scripts without browser headers) start runs. */
class OriginGuardTest {
    private static final String JSON = "{\"experiment\":\"test-judge\"}";
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);

    private static int post(String headers) throws Exception {
        return RawHttp.postJson(
                        lab.port(),
                        "/api/runs",
                        headers.replace("PORT", Integer.toString(lab.port())),
                        JSON)
                .status();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:PORT.evil.example",
                "http://localhost:PORT0",
                "null",
                "http://127.0.0.1:PORT/",
                "https://127.0.0.1:PORT",
                "http://127.0.0.1",
                "http://localhost:PORT",
                "http://evil.example",
                "HTTP://127.0.0.1:PORT",
                ""
            })
    void refusesEveryOriginButTheLabsOwnExactly(String origin) throws Exception {
        assertEquals(403, post("Origin: " + origin + "\n"), origin);
    }

    @Test
    void acceptsTheLabsOwnOrigin() throws Exception {
        assertEquals(201, post("Origin: http://127.0.0.1:PORT\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "Same-Origin", "whatever", ""})
    void refusesSecFetchSiteOtherThanSameOriginOrNone(String site) throws Exception {
        assertEquals(403, post("Sec-Fetch-Site: " + site + "\n"), site);
    }

    @Test
    void secFetchSiteDecidesBeforeOrigin() throws Exception {
        assertEquals(201, post("Sec-Fetch-Site: same-origin\n"));
        assertEquals(201, post("Sec-Fetch-Site: none\n"));
        assertEquals(403, post("Sec-Fetch-Site: cross-site\nOrigin: http://127.0.0.1:PORT\n"));
    }

    @Test
    void withNeitherHeaderOnlyALoopbackLabAccepts() throws Exception {
        assertEquals(201, post(""));
        assertNull(new OriginGuard(false).refusal(null, null, "127.0.0.1:1"));
        assertNotNull(new OriginGuard(true).refusal(null, null, "lab.test:1"));
    }

    @Test
    void stoppingARunIsGuardedToo() throws Exception {
        RawHttp.Response response =
                RawHttp.postJson(
                        lab.port(), "/api/runs/abc/cancel", "Origin: http://evil.example\n", "{}");
        assertEquals(403, response.status());
        assertTrue(response.body().contains("another origin"), response.body());
    }

    @Test
    void aPreflightGrantsNoCors() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "OPTIONS /api/runs HTTP/1.1\n"
                                + "Host: 127.0.0.1:"
                                + lab.port()
                                + "\nOrigin: http://evil.example\n"
                                + "Access-Control-Request-Method: POST\n"
                                + "Access-Control-Request-Headers: content-type\nConnection: close\n\n");
        assertTrue(response.status() >= 400, "status " + response.status());
        assertTrue(
                response.headers().keySet().stream()
                        .noneMatch(h -> h.startsWith("access-control-")),
                response.headers().toString());
    }

    @Test
    void noResponseGrantsCors() throws Exception {
        RawHttp.Response started =
                RawHttp.postJson(
                        lab.port(),
                        "/api/runs",
                        "Origin: http://127.0.0.1:" + lab.port() + "\n",
                        JSON);
        RawHttp.Response page =
                RawHttp.send(
                        lab.port(),
                        "GET / HTTP/1.1\nHost: 127.0.0.1:"
                                + lab.port()
                                + "\nOrigin: http://evil.example\nConnection: close\n\n");
        for (RawHttp.Response response : new RawHttp.Response[] {started, page}) {
            assertTrue(
                    response.headers().keySet().stream()
                            .noneMatch(h -> h.startsWith("access-control-")),
                    response.headers().toString());
        }
    }
}
