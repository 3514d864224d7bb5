package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.testing.Wait;
import io.javalin.Javalin;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A held request whose client vanished must never be resumed once Jetty has completed (and
 * recycled) it. Javalin's own SSE route did exactly that when its body returned after the client
 * left: every task threw on the recycled request, the exception handler threw too, and a worker
 * looped for ever ("Exception handler … threw an error", 800,000 lines in a minute of a loaded test
 * run, through the room board's stream). The body here returns only after Jetty has said the
 * request is complete: the worst moment, made certain instead of rare.
 */
class HeldRequestTest {
    private CapturedErr log;
    private Javalin app;

    @AfterEach
    void stop() {
        if (log != null) {
            log.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    private String logged() {
        return log.text();
    }

    @Test
    void aStreamStillWritingWhenTheServerStopsIsNotResumedOnARecycledRequest() throws Exception {
        AtomicBoolean bodyReturned = new AtomicBoolean();
        CountDownLatch streaming = new CountDownLatch(1);
        app =
                serve(
                        (ctx, events) -> {
                            try {
                                heartbeats(events, streaming);
                            } finally {
                                bodyReturned.set(true);
                            }
                        });
        int port = app.port();
        log = CapturedErr.start();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request(port, "/events", "text/event-stream"));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
            streaming.await();
            // What a test's @AfterEach (or Ctrl+C) does: Jetty ends the exchange and recycles the
            // request while the stream's own thread is between two writes.
            app.stop();
            app = null;
            Wait.until("the stream's body returned", bodyReturned::get);
        }
        Wait.until("no worker is inside Javalin's task loop", () -> !javalinLoopRunning());
        String text = logged();
        assertFalse(text.contains("threw an error"), text.lines().limit(40).toList().toString());
        assertFalse(text.contains("likely recycled"), text.lines().limit(40).toList().toString());
    }

    /**
     * HeldRequest.finish() runs Javalin's resume (and so Jetty's AsyncContext.complete()) under a
     * lock that its onComplete listener also takes. That cannot deadlock only while Jetty calls the
     * listener without holding its own channel lock (ServletChannelState's), which is what this
     * checks, for the request finished by its holder and for one Jetty ends when it stops: from
     * inside the listener, another thread takes Jetty's lock (isAsyncStarted() does) and the
     * listener waits for it. A Jetty that held its lock there would hang this test.
     */
    @Test
    void jettyCallsTheHeldRequestsListenerWithoutHoldingItsChannelLock() throws Exception {
        for (boolean byStop : new boolean[] {false, true}) {
            AtomicReference<HeldRequest> held = new AtomicReference<>();
            AtomicReference<String> probed = new AtomicReference<>();
            app =
                    Javalin.create(
                                    cfg -> {
                                        cfg.startup.showJavalinBanner = false;
                                        cfg.routes.get(
                                                "/held",
                                                ctx -> {
                                                    HttpServletRequest req = ctx.req();
                                                    held.set(
                                                            HeldRequest.hold(
                                                                    ctx,
                                                                    () ->
                                                                            probed.set(
                                                                                    takeJettysLock(
                                                                                            req))));
                                                });
                                    })
                            .start("127.0.0.1", 0);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
                socket.getOutputStream().write(request(app.port(), "/held", "text/plain"));
                Wait.until("the request is held", () -> held.get() != null);
                if (byStop) {
                    app.stop();
                    app = null;
                } else {
                    assertTrue(held.get().finish(() -> {}));
                }
                String answer = Wait.until("the listener ran", probed::get, a -> a != null);
                assertEquals("took Jetty's lock from another thread", answer, "stopped: " + byStop);
            } finally {
                if (app != null) {
                    app.stop();
                    app = null;
                }
            }
        }
    }

    /** From another thread, calls a method that takes Jetty's channel lock, and waits for it. */
    private static String takeJettysLock(HttpServletRequest req) {
        AtomicReference<String> result = new AtomicReference<>();
        Thread probe =
                new Thread(
                        () -> {
                            try {
                                req.isAsyncStarted(); // ServletChannelState.isAsyncStarted locks
                                result.set("took Jetty's lock from another thread");
                            } catch (RuntimeException e) {
                                result.set("could not ask: " + e);
                            }
                        },
                        "jetty-lock-probe");
        probe.start();
        return Wait.until("Jetty's lock is free during the listener", result::get, r -> r != null);
    }

    /** Writes a comment every few milliseconds until the response fails (bounded in count). */
    private static void heartbeats(ThreadedEventStream.Events events, CountDownLatch streaming)
            throws IOException, InterruptedException {
        OutputStream out = events.open();
        for (int i = 0; i < 100_000 && !events.gone(); i++) {
            out.write(": hi\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            streaming.countDown();
            Thread.sleep(2);
        }
    }

    @Test
    void withoutAcceptTextEventStreamTheAnswerIs406() throws Exception {
        app = serve((ctx, events) -> events.open());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
            socket.getOutputStream().write(request(app.port(), "/events", "text/html"));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 406", new String(head, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBodyMayRefuseWithAStatusOfItsOwn() throws Exception {
        app = serve((ctx, events) -> ctx.status(503).result("full"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
            socket.getOutputStream().write(request(app.port(), "/events", "text/event-stream"));
            String answer =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(answer.endsWith("full"), answer);
        }
    }

    /** A Javalin app on 127.0.0.1 with one stream route, /events. */
    private static Javalin serve(ThreadedEventStream.Body body) {
        return Javalin.create(
                        cfg -> {
                            cfg.startup.showJavalinBanner = false;
                            cfg.routes.get("/events", ThreadedEventStream.handler(body));
                        })
                .start("127.0.0.1", 0);
    }

    private static boolean javalinLoopRunning() {
        return Thread.getAllStackTraces().values().stream()
                .anyMatch(
                        stack -> {
                            for (StackTraceElement frame : stack) {
                                if (frame.getClassName().endsWith("JavalinServlet")
                                        && frame.getMethodName().startsWith("handleTask")) {
                                    return true;
                                }
                            }
                            return false;
                        });
    }

    private static AsyncListener onComplete(CountDownLatch latch) {
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                latch.countDown();
            }

            @Override
            public void onTimeout(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        };
    }

    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            String answer =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    private static byte[] request(int port, String path, String accept) {
        return ("GET "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + port
                        + "\r\nAccept: "
                        + accept
                        // close after the answer, so reading it to the end does not wait for
                        // Jetty's idle timeout (30 s)
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
