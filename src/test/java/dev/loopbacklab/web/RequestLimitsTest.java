package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.runs.RunApi;
import dev.loopbacklab.web.tuning.JettyTuning;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How big and how slow a request may be: bodies, headers, addresses, parameters, silence. */
class RequestLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final OneLab lab =
            OneLab.of(
                    () ->
                            TestLab.start(
                                    dev.loopbacklab.web.LabConfig.local(0, TestLab.fixtureContent())
                                            .withLimits(
                                                    LabConfig.Limits.defaults()
                                                            .withIdleTimeout(
                                                                    Duration.ofMillis(1500)))));

    private static String head(String extra) {
        return "POST /api/runs HTTP/1.1\nHost: 127.0.0.1:"
                + lab.port()
                + "\nContent-Type: "
                + "application/json\n"
                + extra
                + "Connection: close\n\n";
    }

    private static String bigJson(int size) {
        return "{\"experiment\":\"" + "a".repeat(size) + "\"}";
    }

    @Test
    void aBodyOver64KiBIs413AndNoRunStarts() throws Exception {
        RawHttp.Response response =
                RawHttp.postJson(lab.port(), "/api/runs", "", bigJson(RunApi.MAX_BODY));
        assertEquals(413, response.status());
        assertTrue(JSON.readTree(response.body()).get("error").asText().contains("65536 bytes"));
        assertEquals(0, lab.server().runs().active());
    }

    @Test
    void aContentLengthOver64KiBIs413BeforeTheBodyIsRead() throws Exception {
        RawHttp.Response response =
                RawHttp.send(lab.port(), head("Content-Length: 999999999999\n") + "{}");
        assertEquals(413, response.status());
    }

    @Test
    void aChunkedBodyOver64KiBIs413() throws Exception {
        String json = bigJson(70_000);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < json.length(); i += 8000) {
            String part = json.substring(i, Math.min(json.length(), i + 8000));
            chunked.append(Integer.toHexString(part.length()))
                    .append('\n')
                    .append(part)
                    .append('\n');
        }
        chunked.append("0\n\n");
        RawHttp.Response response =
                RawHttp.send(lab.port(), head("Transfer-Encoding: chunked\n") + chunked);
        assertEquals(413, response.status());
        assertTrue(response.body().contains("larger than"), response.body());
    }

    @Test
    void aSmallChunkedBodyIsFine() throws Exception {
        String json = "{\"experiment\":\"test-judge\"}";
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        head("Transfer-Encoding: chunked\n")
                                + Integer.toHexString(json.length())
                                + "\n"
                                + json
                                + "\n0\n\n");
        assertEquals(201, response.status(), response.body());
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400NotAnError() throws Exception {
        RawHttp.Response response = RawHttp.send(lab.port(), head("Content-Length: 500\n") + "{}");
        assertEquals(400, response.status());
        assertTrue(JSON.readTree(response.body()).has("error"));
    }

    @Test
    void aHeaderBlockOver8KiBIs431WithoutAStackTrace() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET / HTTP/1.1\nHost: 127.0.0.1\nX-Big: "
                                + "b".repeat(20_000)
                                + "\nConnection: close\n\n");
        assertEquals(431, response.status());
        assertFalse(response.body().contains("Exception"), response.body());
        assertTrue(
                response.header("content-security-policy") != null, response.headers().toString());
    }

    @Test
    void anAddressOver8KiBIs414() throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET /"
                                + "u".repeat(20_000)
                                + " HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n");
        assertEquals(414, response.status());
        assertTrue(response.header("x-content-type-options") != null);
    }

    @Test
    void sweepSizesAndTextLengthsAreBoundedByTheirParameters() throws Exception {
        RawHttp.Response tooMany =
                RawHttp.postJson(
                        lab.port(),
                        "/api/runs",
                        "",
                        "{\"experiment\":\"test-count\",\"params\":{\"count\":\"1000001\"}}");
        assertEquals(400, tooMany.status());
        assertEquals("count", JSON.readTree(tooMany.body()).get("field").asText());
        RawHttp.Response huge =
                RawHttp.postJson(
                        lab.port(),
                        "/api/runs",
                        "",
                        "{\"experiment\":\"test-count\",\"params\":{\"count\":\""
                                + "9".repeat(5000)
                                + "\"}}");
        assertEquals(400, huge.status());
    }

    @Test
    void aClientThatStopsHalfwayIsHungUpOn() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), lab.port()), 30_000);
            socket.getOutputStream()
                    .write(
                            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // whatever it says (a 408, or nothing), the server must end the connection
            }
            // Ended by the server, not by us (no read timeout here; JUnit's bounds the wait), and
            // not at once: only after its 1.5 s idle timeout. A slow machine only makes it later.
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 1000, "closed after " + millis + " ms");
        }
    }

    @Test
    void oneConnectorOnLoopbackWithTheIdleTimeoutAndARoomSizedAcceptQueue() {
        assertEquals(1, lab.server().connector().getServer().getConnectors().length);
        assertEquals("127.0.0.1", lab.server().connector().getHost());
        assertEquals(lab.port(), lab.server().connector().getLocalPort());
        assertEquals(1500, lab.server().connector().getIdleTimeout());
        assertEquals(JettyTuning.ACCEPT_QUEUE, lab.server().connector().getAcceptQueueSize());
        assertTrue(JettyTuning.ACCEPT_QUEUE >= 256, "a room of browsers connecting at once fits");
    }
}
