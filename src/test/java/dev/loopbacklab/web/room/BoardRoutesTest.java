package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.Summary;
import dev.loopbacklab.web.view.BoardPage;
import dev.loopbacklab.web.view.Layout;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's own routes on a bare Javalin, with a room of their own. */
class BoardRoutesTest {
    @TempDir Path dir;
    private RoomStore room;
    private Javalin app;

    /** Released at the end: until then the page model is "still digesting the jar". */
    private final CountDownLatch pageModelMayFinish = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        room = RoomStore.open(dir);
        List<BoardPage.CheckColumn> checks =
                List.of(new BoardPage.CheckColumn("port-check", "Ports", "port-check"));
        BoardRoutes routes =
                new BoardRoutes(
                        () -> room,
                        () -> checks,
                        () -> {
                            try {
                                pageModelMayFinish.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IllegalStateException("the page model is for the page");
                        },
                        Layout.Chrome.local("test"));
        app =
                Javalin.create(
                                cfg -> {
                                    cfg.startup.showJavalinBanner = false;
                                    routes.register(cfg.routes);
                                })
                        .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        pageModelMayFinish.countDown();
        if (app != null) {
            app.stop();
        }
        if (room != null) {
            room.close();
        }
    }

    /**
     * The stream starts with the board's state; building it once waited for the whole page model
     * (the jar's SHA-256, the QR code), and every change queued behind it: seconds on a loaded
     * machine, the benchmark's p99.
     */
    @Test
    void streamStartsWithoutWaitingForThePageModel() throws Exception {
        RoomStore.Seat ada = room.join("Ada", "linux").get();
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), app.port()), 30_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(
                            ("GET /room/board/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "Accept: text/event-stream\r\nCookie: "
                                            + BoardRoutes.COOKIE
                                            + "="
                                            + room.keys().boardToken()
                                            + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String state = dataOf(in, "state");
            assertTrue(state.contains("\"port-check\""), state);
            assertTrue(state.contains("\"Ada\""), state);

            room.record(ada.learner(), new Summary("r1", "port-check", true, "linux", Map.of(), 0))
                    .get();
            String change = dataOf(in, "change");
            assertTrue(change.contains("\"requestId\":\"r1\""), change);
        }
        assertEquals(1, pageModelMayFinish.getCount(), "the page model was never needed");
    }

    private static String dataOf(BufferedReader in, String event) throws Exception {
        boolean mine = false;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("event: " + event)) {
                mine = true;
            } else if (mine && line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        throw new AssertionError("the stream ended before a " + event + " event");
    }
}
