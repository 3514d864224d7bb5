package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Sse;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event streams without a thread each: they are capped per run (429) and in all (503), refused
 * without {@code Accept: text/event-stream} (406), report the run's own duration, and a run whose
 * last client leaves is cancelled.
 */
class EventStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Socket> sockets = new ArrayList<>();
    private LabServer lab;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private LabServer start(int perRun, int total) {
        LabConfig config =
                LabConfig.local(0, TestLab.fixtureContent()).withLimits(4, Duration.ofSeconds(60));
        lab = TestLab.start(config.withLimits(config.limits().withStreams(perRun, total)));
        return lab;
    }

    private JsonNode startRun(String json) throws Exception {
        RawHttp.Response response = RawHttp.postJson(lab.port(), "/api/runs", "", json);
        assertEquals(201, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    /** Starts a run that holds a port until it is stopped. */
    private Run startHold() throws Exception {
        JsonNode started = startRun("{\"experiment\":\"test-hold\"}");
        return lab.runs().find(started.get("id").asText()).orElseThrow();
    }

    private static String eventsOf(Run run) {
        return "/api/runs/" + run.id() + "/events";
    }

    /** Opens a stream and reads its status line and headers; the socket stays open. */
    private int open(String path, String accept) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), lab.port());
        sockets.add(socket);
        socket.getOutputStream()
                .write(
                        ("GET "
                                        + path
                                        + " HTTP/1.1\r\nHost: 127.0.0.1:"
                                        + lab.port()
                                        + "\r\n"
                                        + (accept == null ? "" : "Accept: " + accept + "\r\n")
                                        + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket.getInputStream());
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Whether one of the lab's stream writers is waiting inside a write to a response. */
    private static boolean aWriterIsStuckInAWrite() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("lab-stream-writer-"))
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .anyMatch(
                        e ->
                                java.util.Arrays.stream(e.getValue())
                                        .anyMatch(
                                                f ->
                                                        f.getClassName().endsWith(".HttpOutput")
                                                                && f.getMethodName()
                                                                        .equals("channelWrite")));
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void openStreamsHoldNoThreadEach() throws Exception {
        start(100, 100);
        String events = startRun("{\"experiment\":\"test-hold\"}").get("events").asText();
        assertEquals(200, open(events, "text/event-stream"));
        int before = threads();
        for (int i = 0; i < 60; i++) {
            assertEquals(200, open(events, "text/event-stream"));
        }
        int grown = threads() - before;
        assertTrue(grown < 20, "60 more open streams made " + grown + " more threads");
    }

    @Test
    void streamsAreCappedPerRunWith429AndInAllWith503() throws Exception {
        start(2, 3);
        String first = startRun("{\"experiment\":\"test-hold\"}").get("events").asText();
        String second = startRun("{\"experiment\":\"test-hold\"}").get("events").asText();
        assertEquals(200, open(first, "text/event-stream"));
        assertEquals(200, open(first, "text/event-stream"));
        assertEquals(429, open(first, "text/event-stream"));
        assertEquals(200, open(second, "text/event-stream"));
        assertEquals(503, open(second, "text/event-stream"));
        sockets.get(0).close();
        Wait.until(
                "a closed stream frees its place",
                () -> {
                    try {
                        int status = open(second, "text/event-stream");
                        return status == 200;
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void withoutAcceptingEventStreamsItIs406() throws Exception {
        start(4, 10);
        JsonNode run = startRun("{\"experiment\":\"test-hold\"}");
        RawHttp.Response plain = RawHttp.get(lab.port(), run.get("events").asText(), "127.0.0.1");
        assertEquals(406, plain.status());
        assertTrue(plain.body().contains("text/event-stream"), plain.body());
        assertEquals(
                404,
                RawHttp.get(lab.port(), "/api/runs/" + "0".repeat(24) + "/events", "127.0.0.1")
                        .status());
    }

    @Test
    void doneReportsHowLongTheRunTookNotWhenItWasRead() throws Exception {
        start(4, 10);
        JsonNode started = startRun("{\"experiment\":\"test-count\",\"params\":{\"count\":3}}");
        Run run = lab.runs().find(started.get("id").asText()).orElseThrow();
        Wait.until("the run ended", () -> run.outcome() != null);
        long took = run.elapsedMillis();
        long readFrom = System.nanoTime();
        Wait.until(
                "a second has passed since the run ended",
                () -> System.nanoTime() - readFrom > 1_000_000_000L);
        List<Sse.Message> messages = Sse.readAll(lab.port(), started.get("events").asText());
        JsonNode done = messages.get(messages.size() - 1).json();
        assertEquals(took, done.get("millis").asLong());
    }

    @Test
    void aRunIsCancelledWhenItsLastClientLeavesNotItsFirst() throws Exception {
        start(2, 10);
        Run run = startHold();
        String events = eventsOf(run);
        assertEquals(200, open(events, "text/event-stream"));
        assertEquals(200, open(events, "text/event-stream"));
        sockets.get(0).close();
        Wait.until(
                "the lab noticed the first client left (a third stream fits again)",
                () -> {
                    try {
                        return open(events, "text/event-stream") == 200;
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
        assertNull(run.outcome(), "another client still watches");
        for (Socket socket : sockets) {
            socket.close();
        }
        Wait.until("the run stopped", () -> run.outcome() != null);
        assertEquals(Outcome.CANCELLED, run.outcome());
    }

    @Test
    void closingTheLabWhileAWriterIsStuckOnAClientThatStoppedReadingReturns() throws Exception {
        start(4, 10);
        Run run = startHold();
        String events = eventsOf(run);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, open(events, "text/event-stream")); // and never read again
        }
        String line = "x".repeat(16 * 1024);
        // Each event is written to all three streams; once their socket buffers are full, the
        // writer waits inside a write: a stuck browser tab, as the lab meets it.
        Wait.until(
                "a writer waits inside a write",
                () -> {
                    run.emit(new Event.Narration(line));
                    return aWriterIsStuckInAWrite();
                });
        // The writer is interrupted and lets go; only then are the streams' requests finished.
        // Finishing one while the writer still wrote to it could wait for ever in Jetty.
        lab.close();
        LabServer closed = lab;
        lab = null;
        assertEquals(Outcome.CANCELLED, run.outcome());
        assertEquals(0, closed.runs().active());
    }
}
