package dev.loopbacklab.web.room;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopbacklab.room.Flag;
import dev.loopbacklab.room.ReachBack;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.Secrets;
import dev.loopbacklab.room.Summary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The teacher's side of the room, for learners' labs (never browsers): join with the code, then
 * report, flag, leave and ask "am I reachable from the room?" with the seat's secret. Every answer
 * that says "stored" comes after the change is in the room's file.
 */
public final class RoomApi {
    /** The most learners one room seats. */
    static final int MAX_LEARNERS = 2_000;

    /** A learner asks for a reach-back at most this often. */
    static final long REACH_GAP_NANOS = TimeUnit.SECONDS.toNanos(2);

    static final long WAIT_SECONDS = 10;

    private final Supplier<RoomStore> rooms;
    private final Map<Long, Long> lastReach = new ConcurrentHashMap<>();

    public RoomApi(Supplier<RoomStore> rooms) {
        this.rooms = rooms;
    }

    /** Adds the routes under {@code /room/api/}. */
    public void register(RoutesConfig routes) {
        routes.before("/room/api/*", this::labsOnly);
        routes.post("/room/api/join", this::join);
        routes.post("/room/api/verdicts", ctx -> seated(ctx, this::verdict));
        routes.post("/room/api/flag", ctx -> seated(ctx, this::flag));
        routes.post("/room/api/leave", ctx -> seated(ctx, this::leave));
        routes.post("/room/api/reach", ctx -> seated(ctx, this::reach));
    }

    /**
     * The room's API is for labs talking to labs. A browser always sends Origin or Sec-Fetch-Site
     * with a POST; refusing those keeps any web page, even one on the room's own network, from
     * using a join code or seat it should not have.
     */
    private void labsOnly(Context ctx) {
        if (ctx.header("Origin") != null || ctx.header("Sec-Fetch-Site") != null) {
            Json.error(ctx, 403, "the room's API answers learners' labs, not browsers");
            ctx.skipRemainingHandlers();
        } else if (!ctx.method().name().equals("POST")) {
            ctx.header("Allow", "POST");
            Json.error(ctx, 405, "POST only");
            ctx.skipRemainingHandlers();
        }
    }

    private interface SeatedHandler {
        void handle(Context ctx, long learner, JsonNode body) throws Exception;
    }

    private void seated(Context ctx, SeatedHandler handler) throws Exception {
        Optional<Long> learner = seat(ctx, rooms.get());
        if (learner.isEmpty()) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body != null) {
            handler.handle(ctx, learner.get(), body);
        }
    }

    /** The learner whose seat the request's bearer is, or empty after answering 401. */
    static Optional<Long> seat(Context ctx, RoomStore room) {
        String auth = ctx.header("Authorization");
        Optional<Long> learner =
                auth != null && auth.startsWith("Bearer ")
                        ? room.learner(auth.substring(7).strip())
                        : Optional.empty();
        if (learner.isEmpty()) {
            Json.error(ctx, 401, "this lab has no seat in the room: join again with the link");
        }
        return learner;
    }

    private void join(Context ctx) throws Exception {
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        String code = body.path("code").asText("");
        // Both sides are hashed and compared in constant time, like every secret of the room.
        if (!Secrets.wellFormed(code)
                || !Secrets.matches(code, Secrets.digest(rooms.get().keys().joinCode()))) {
            Json.error(ctx, 403, "this join code is not the room's: copy the link again");
            return;
        }
        if (rooms.get().learnerCount() >= MAX_LEARNERS) {
            Json.error(ctx, 503, "the room is full (" + MAX_LEARNERS + " learners)");
            return;
        }
        try {
            RoomStore.Seat seat =
                    wait(
                            rooms.get()
                                    .join(
                                            body.path("nickname").asText(""),
                                            body.path("os").asText("")));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("learner", seat.learner());
            answer.put("bearer", seat.bearer());
            Json.answerNow(ctx, 201, answer);
        } catch (IllegalArgumentException e) {
            Json.error(ctx, 400, e.getMessage());
        }
    }

    private void verdict(Context ctx, long learner, JsonNode body) throws Exception {
        Summary summary;
        try {
            Map<String, String> numbers = new LinkedHashMap<>();
            JsonNode given = body.path("numbers");
            if (given.size() > Summary.MAX_NUMBERS) {
                throw new IllegalArgumentException("at most " + Summary.MAX_NUMBERS + " numbers");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                numbers.put(field.getKey(), field.getValue().asText());
            }
            JsonNode passed = body.path("passed");
            summary =
                    new Summary(
                            body.path("requestId").asText(null),
                            body.path("experiment").asText(null),
                            passed.isBoolean() ? passed.asBoolean() : null,
                            body.path("os").asText(null),
                            numbers,
                            body.path("sentAtMicros").asLong(0));
        } catch (IllegalArgumentException e) {
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        Json.answerNow(
                ctx, 201, Map.of("stored", wait(rooms.get().record(learner, summary)).seq()));
    }

    private void flag(Context ctx, long learner, JsonNode body) throws Exception {
        Flag flag;
        try {
            flag = Flag.parse(body.path("flag").asText(""));
        } catch (IllegalArgumentException e) {
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        wait(rooms.get().flag(learner, flag));
        Json.answerNow(ctx, 200, Map.of("flag", flag.key()));
    }

    private void leave(Context ctx, long learner, JsonNode body) throws Exception {
        wait(rooms.get().leave(learner));
        Json.answerNow(ctx, 200, Map.of("left", true));
    }

    private void reach(Context ctx, long learner, JsonNode body) throws Exception {
        JsonNode port = body.path("port");
        if (!port.isInt() || port.asInt() < 1 || port.asInt() > 65535) {
            Json.error(ctx, 400, "port must be a port number from 1 to 65,535");
            return;
        }
        long now = System.nanoTime();
        Long before = lastReach.put(learner, now);
        if (before != null && now - before < REACH_GAP_NANOS) {
            Json.error(ctx, 429, "one reach-back every 2 s, please");
            return;
        }
        InetAddress requester;
        try {
            // The socket's own peer: never a header, never an address from the body.
            requester = InetAddress.getByName(ctx.req().getRemoteAddr());
        } catch (UnknownHostException e) {
            Json.error(ctx, 500, "the lab could not read the request's own address");
            return;
        }
        ReachBack.Result result = ReachBack.probe(requester, port.asInt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result.name().toLowerCase(java.util.Locale.ROOT));
        answer.put("words", result.words());
        answer.put("port", port.asInt());
        Json.answer(ctx, 200, answer);
    }

    private static <T> T wait(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof RoomStore.BusyException busy) {
                throw new io.javalin.http.HttpResponseException(503, busy.getMessage());
            }
            if (cause instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw e;
        }
    }
}
