package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event stream whose connection Jetty ended (idle timeout) must not bring Javalin back to the
 * finished request later: it once did when the run ended, every task and error handler threw on the
 * recycled request, and one worker looped forever logging "Exception handler ... threw an error" (a
 * denial of service by any client that opens a stream and goes silent).
 */
class AbandonedStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private CapturedErr log;
    private LabServer lab;
    private Socket socket;

    @AfterEach
    void stop() throws IOException {
        if (log != null) {
            log.close();
        }
        if (socket != null) {
            socket.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aStreamWhoseClientVanishedIsNotResumedOnAFinishedRequest() throws Exception {
        LabConfig config =
                LabConfig.local(0, TestLab.fixtureContent()).withLimits(4, Duration.ofSeconds(60));
        lab =
                TestLab.start(
                        config.withLimits(
                                config.limits()
                                        .withIdleTimeout(Duration.ofMillis(300))
                                        .withStreams(1, 10)));
        RawHttp.Response created =
                RawHttp.postJson(lab.port(), "/api/runs", "", "{\"experiment\":\"test-hold\"}");
        assertEquals(201, created.status(), created.body());
        JsonNode started = JSON.readTree(created.body());
        Run run = lab.runs().find(started.get("id").asText()).orElseThrow();

        log = CapturedErr.start();

        socket = new Socket(InetAddress.getLoopbackAddress(), lab.port());
        String events = started.get("events").asText();
        socket.getOutputStream().write(request(events));
        byte[] head = socket.getInputStream().readNBytes(12);
        assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
        // The client vanishes abruptly (a reset, not a polite close): the lab's next heartbeat
        // fails, Jetty fails the exchange, and the stream ends with its run cancelled.
        socket.setSoLinger(true, 0);
        socket.close();
        Wait.until("the run ended", () -> run.outcome() != null);
        // The run allows one stream: a second one fits only once the lab let go of the first.
        Wait.until(
                "the lab let go of the abandoned stream (or looped on it)",
                () -> log.text().contains("threw an error") || streamStatus(events) == 200);
        String text = log.text();
        long loops = text.lines().filter(l -> l.contains("threw an error")).count();
        assertTrue(
                loops < 3, "a handler kept failing on the finished request: " + loops + " times");
        assertTrue(
                !text.contains("likely recycled"),
                "Javalin came back to a recycled request:\n" + text.lines().limit(40).toList());
    }

    /** The status a new stream of {@code path} gets. */
    private int streamStatus(String path) {
        try (Socket other = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            other.getOutputStream().write(request(path));
            byte[] head = other.getInputStream().readNBytes(12);
            return Integer.parseInt(new String(head, StandardCharsets.US_ASCII).substring(9, 12));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private byte[] request(String path) {
        return ("GET "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + lab.port()
                        + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
