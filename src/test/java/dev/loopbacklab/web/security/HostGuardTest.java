package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only requests addressed to this lab by a loopback name get past the Host gate. */
class HostGuardTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);
    private final HostGuard guard = new HostGuard(Set.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "127.0.0.1",
                "[::1]",
                "localhost:62893",
                "127.0.0.1:1",
                "[::1]:65535",
                "LOCALHOST:80",
                "LocalHost"
            })
    void allowsLoopbackNamesWithOrWithoutAPort(String host) {
        assertTrue(guard.allows(host), host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "localhost.evil.example",
                "127.0.0.1.nip.io",
                "attacker.example#x.localhost",
                "localhost@evil.example",
                "",
                " ",
                "localhost.",
                "::ffff:127.0.0.1",
                "[::ffff:127.0.0.1]",
                "::1",
                "[::1",
                "::1]",
                "[::1]x",
                "[[::1]]",
                "127.0.0.2",
                "0.0.0.0",
                "localhost:65536",
                "localhost:999999",
                "localhost:",
                "localhost:+80",
                "localhost:٨٠",
                "127.1",
                "2130706433",
                "localhost evil.example",
                "localhost\tx"
            })
    void refusesEverythingElse(String host) {
        assertFalse(guard.allows(host), host);
    }

    @Test
    void refusesTwoHostHeadersAndNone() {
        assertFalse(guard.allows(List.of("localhost", "localhost")));
        assertFalse(guard.allows(List.of()));
    }

    @Test
    void addsExtraNamesCaseInsensitively() {
        assertTrue(new HostGuard(Set.of("Lab.Example")).allows("lab.example:8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "localhost.evil.example", "127.0.0.1.nip.io"})
    void theServerRefusesForeignHostsOnEveryKindOfRoute(String host) throws Exception {
        for (String path : TestLab.EVERY_KIND_OF_ROUTE) {
            RawHttp.Response response = RawHttp.get(lab.port(), path, host);
            assertEquals(403, response.status(), host + " " + path);
            assertTrue(response.header("content-security-policy") != null);
        }
    }

    @Test
    void allowsOtherIpv6LiteralsOnlyWhenAdded() {
        assertFalse(guard.allows("[fe80::1]:8080"));
        HostGuard room = new HostGuard(Set.of("fe80::1", "[2001:db8::5]"));
        assertTrue(room.allows("[fe80::1]:8080"));
        assertTrue(room.allows("[2001:db8::5]"));
        assertFalse(room.allows("fe80::1"));
        assertFalse(room.allows("[::ffff:127.0.0.1]"));
    }

    /** Look-alikes reach the real server, on pages, assets and event streams alike. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost.",
                "localhost.:PORT",
                "[::ffff:127.0.0.1]:PORT",
                "::ffff:127.0.0.1",
                "attacker.example#x.localhost",
                "localhost@evil.example",
                "localhost.evil.example:PORT",
                "127.0.0.1.nip.io:PORT",
                "[::1",
                "[[::1]]",
                "::1]:PORT",
                "127.0.0.1:99999",
                "127.0.0.1:PORT:PORT",
                "127.0.0.2:PORT",
                "0.0.0.0:PORT"
            })
    void theServerRefusesLookAlikeHosts(String pattern) throws Exception {
        String host = pattern.replace("PORT", Integer.toString(lab.port()));
        for (String path : List.of("/", "/assets/lab.js", "/api/runs/abc/events")) {
            RawHttp.Response response = RawHttp.get(lab.port(), path, host);
            assertTrue(
                    response.status() == 403 || response.status() == 400,
                    host + " " + path + " gave " + response.status());
            assertFalse(response.body().contains("lesson-card"), host);
            assertTrue(response.header("content-security-policy") != null, host);
        }
    }

    @Test
    void theServerRefusesAnEmptyHostHeader() throws Exception {
        RawHttp.Response response =
                RawHttp.send(lab.port(), "GET / HTTP/1.1\nHost: \nConnection: close\n\n");
        assertEquals(400, response.status());
        assertFalse(response.body().contains("lesson-card"));
    }

    @Test
    void theServerRefusesAMissingHostHeader() throws Exception {
        RawHttp.Response response = RawHttp.send(lab.port(), "GET / HTTP/1.0\n\n");
        assertEquals(403, response.status());
    }

    @Test
    void theServerRefusesTwoHostHeaders() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET / HTTP/1.1\nHost: 127.0.0.1\nHost: evil.example\nConnection: close\n\n");
        assertTrue(
                response.status() == 403 || response.status() == 400,
                "status " + response.status());
    }

    @Test
    void theServerIgnoresXForwardedHost() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET / HTTP/1.1\nHost: evil.example\nX-Forwarded-Host: localhost\nConnection: close\n\n");
        assertEquals(403, response.status());
        RawHttp.Response allowed =
                RawHttp.send(
                        lab.port(),
                        "GET / HTTP/1.1\nHost: localhost\nX-Forwarded-Host: evil.example\nConnection: close\n\n");
        assertEquals(200, allowed.status());
    }

    @Test
    void theServerBindsLoopbackOnly() {
        assertTrue(lab.url().startsWith("http://127.0.0.1:"), lab.url());
        assertTrue(
                dev.loopbacklab.net.SocketTable.listening().stream()
                        .filter(e -> e.localPort() == lab.port())
                        .allMatch(e -> e.localAddress().isLoopbackAddress()));
    }
}
