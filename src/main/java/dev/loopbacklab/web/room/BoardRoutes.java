package dev.loopbacklab.web.room;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.loopbacklab.room.BoardEvent;
import dev.loopbacklab.room.BoardState;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.Secrets;
import dev.loopbacklab.web.ThreadedEventStream;
import dev.loopbacklab.web.view.BoardPage;
import dev.loopbacklab.web.view.EnterPage;
import dev.loopbacklab.web.view.Layout;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The teacher's board: a page only the board token opens (first as {@code ?board=} in the link the
 * teacher's lab printed, then an HttpOnly, SameSite=Strict cookie), its live event stream, the grid
 * as CSV, and "clear the room".
 */
public final class BoardRoutes {
    static final String COOKIE = "loopback_lab_board";

    /** Board streams open at once (a projector, a laptop, a tablet…); more get 503. */
    static final int MAX_STREAMS = 16;

    /** Changes a slow board stream may fall behind before it is closed (the page reconnects). */
    static final int MAX_BEHIND = 10_000;

    private final Supplier<RoomStore> rooms;
    private final Supplier<List<BoardPage.CheckColumn>> checks;
    private final Supplier<BoardPage.Model> model;
    private final Layout.Chrome chrome;
    private final AtomicInteger streams = new AtomicInteger();

    /**
     * @param checks the grid's columns, for the board's state (cheap: the stream starts with it)
     * @param model what the page needs besides the grid: join link, QR code, the jar's digest
     */
    public BoardRoutes(
            Supplier<RoomStore> rooms,
            Supplier<List<BoardPage.CheckColumn>> checks,
            Supplier<BoardPage.Model> model,
            Layout.Chrome chrome) {
        this.rooms = rooms;
        this.checks = checks;
        this.model = model;
        this.chrome = chrome;
    }

    public void register(RoutesConfig routes) {
        routes.before("/room/board*", this::teacherOnly);
        routes.get("/room/board", ctx -> page(ctx));
        routes.get("/room/board/state", ctx -> Json.answer(ctx, 200, state()));
        routes.get("/room/board/grid.csv", this::csv);
        routes.post("/room/board/clear", this::clear);
        routes.get("/room/board/events", ThreadedEventStream.handler(this::stream));
    }

    private void teacherOnly(Context ctx) {
        String board = rooms.get().keys().boardToken();
        String fromLink = ctx.queryParam("board");
        if (fromLink != null) {
            if (!Secrets.matches(fromLink, Secrets.digest(board))) {
                refuse(
                        ctx,
                        403,
                        "This board link is not this room's. Copy it again from the lab's terminal.");
                return;
            }
            ctx.header(
                    "Set-Cookie",
                    COOKIE + "=" + fromLink + "; Path=/room; HttpOnly; SameSite=Strict");
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("text/html; charset=utf-8").result(EnterPage.render("/room/board"));
            ctx.skipRemainingHandlers();
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || !Secrets.matches(cookie, Secrets.digest(board))) {
            refuse(
                    ctx,
                    cookie == null ? 401 : 403,
                    "The room's board opens only with the teacher's board link (printed by the lab"
                            + " that opened the room).");
            return;
        }
        if (ctx.method().name().equals("POST")) {
            String site = ctx.header("Sec-Fetch-Site");
            if (site != null ? !site.equals("same-origin") : ctx.header("Origin") == null) {
                refuse(ctx, 403, "Clearing the room is done from the board page itself.");
            }
        }
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
        ctx.skipRemainingHandlers();
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(BoardPage.render(model.get(), chrome));
    }

    /** The whole board as JSON: learners, their cells, flags, numbers and per-check counts. */
    Map<String, Object> state() {
        // Only the columns, never the whole page model: that one digests the jar and draws the QR
        // code, and the first board stream waited seconds for it while changes queued behind.
        List<BoardPage.CheckColumn> columns = checks.get();
        BoardState board = rooms.get().board();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", System.currentTimeMillis());
        state.put("checks", columns);
        state.put("learners", board.learners());
        Map<String, Long> passed = new LinkedHashMap<>();
        for (BoardPage.CheckColumn check : columns) {
            passed.put(check.id(), board.passed(check.id()));
        }
        state.put("passed", passed);
        return state;
    }

    private void csv(Context ctx) throws IOException {
        List<BoardPage.CheckColumn> checks = this.checks.get();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : List.of("learner", "nickname", "os", "flag", "left", "stuck since")) {
            schema.addColumn(column);
        }
        checks.forEach(c -> schema.addColumn(c.id()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (BoardState.Learner learner : rooms.get().board().learners()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("learner", String.valueOf(learner.id()));
            row.put("nickname", spreadsheetSafe(learner.nickname()));
            row.put("os", learner.os());
            row.put("flag", learner.flag());
            row.put("left", learner.left() ? "yes" : "no");
            row.put(
                    "stuck since",
                    learner.stuckSinceMillis() == 0
                            ? ""
                            : java.time.Instant.ofEpochMilli(learner.stuckSinceMillis())
                                    .toString());
            for (BoardPage.CheckColumn check : checks) {
                BoardState.Cell cell = learner.checks().get(check.id());
                row.put(check.id(), cell == null ? "not yet" : cell.passed() ? "passed" : "failed");
            }
            rows.add(row);
        }
        ObjectWriter writer = new CsvMapper().writer(schema.build());
        ctx.header("Content-Disposition", "attachment; filename=\"room.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(writer.writeValueAsString(rows));
    }

    /**
     * A nickname a spreadsheet would read as a formula ({@code =}, {@code +}, {@code -}, {@code @})
     * gets a leading apostrophe (OWASP's advice against CSV injection).
     */
    static String spreadsheetSafe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private void clear(Context ctx) throws Exception {
        rooms.get().clear().get(10, TimeUnit.SECONDS);
        Json.answer(ctx, 200, Map.of("cleared", true, "join", model.get().joinLink()));
    }

    /**
     * The board's live stream: a {@code state} event with the whole board, then one {@code change}
     * per durable change. The store's writer only drops changes into this stream's queue; this
     * request's thread writes them (a board has a handful of viewers, capped at {@link
     * #MAX_STREAMS}).
     */
    private void stream(Context ctx, ThreadedEventStream.Events events) {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            refuse(ctx, 503, "The board is open in " + MAX_STREAMS + " places already.");
            return;
        }
        BlockingQueue<BoardEvent> changes = new LinkedBlockingQueue<>(MAX_BEHIND);
        Runnable stop =
                rooms.get()
                        .subscribe(
                                event -> {
                                    if (!changes.offer(event)) {
                                        changes.clear(); // fell too far behind: the page
                                        // reconnects and
                                        // starts afresh
                                    }
                                });
        try {
            OutputStream out = events.open();
            write(out, "state", Json.text(state()));
            while (!events.gone()) {
                BoardEvent event = changes.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                List<BoardEvent> batch = new ArrayList<>();
                batch.add(event);
                changes.drainTo(batch, 255);
                StringBuilder frames = new StringBuilder();
                for (BoardEvent change : batch) {
                    frames.append("event: change\ndata: ").append(change.json()).append("\n\n");
                }
                out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the board page went away
        } finally {
            stop.run();
            streams.decrementAndGet();
        }
    }

    private static void write(OutputStream out, String type, String data) throws IOException {
        out.write(("event: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
