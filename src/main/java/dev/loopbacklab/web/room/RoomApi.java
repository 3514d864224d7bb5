package dev.loopbacklab.web.room;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopbacklab.room.Flag;
import dev.loopbacklab.room.ReachBack;
import dev.loopbacklab.room.RoomInputException;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.Secrets;
import dev.loopbacklab.room.Summary;
import dev.loopbacklab.web.Incident;
import dev.loopbacklab.web.security.Guards;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The teacher's side of the room, for learners' labs (never browsers): join with the code, then
 * report, flag, leave and ask "am I reachable from the room?" with the seat's secret. Every answer
 * that says "stored" comes after the change is in the room's journal, on the disk.
 *
 * <p>These routes are a Jetty handler in front of the servlet layer and Javalin, not Javalin
 * routes: a room's burst is a thousand labs each sending a verdict on a fresh connection, and the
 * servlet and Javalin layers (and the JIT compiling them during the burst) were a good share of the
 * teacher's lab's CPU per verdict (bench/README.md, "Session 5"). Every other path, the room's
 * {@code /room/api/step} included, goes on to Javalin. The defences are the same ones, applied
 * here: {@link Guards#admitAhead} (security headers, Host allow-list), labs only ({@link
 * #browserRefusal}), {@code POST} with {@code application/json} only, bodies up to {@link
 * Json#MAX_BODY}, and each answer counted in the lab's metrics.
 */
public final class RoomApi extends Handler.Wrapper {
    /** A learner asks for a reach-back at most this often. */
    static final long REACH_GAP_NANOS = TimeUnit.SECONDS.toNanos(2);

    static final long WAIT_SECONDS = 10;

    /**
     * A route answers with the one room its request read: the room read again later could be
     * another one, or none (the supplier may change between two reads).
     */
    private interface Route {
        Json.Answer answer(Request request, RoomStore room, JsonNode body) throws Exception;
    }

    private interface SeatedRoute {
        Json.Answer answer(Request request, RoomStore room, long learner, JsonNode body)
                throws Exception;
    }

    private final Supplier<RoomStore> rooms;
    private final Guards guards;
    private final ObjIntConsumer<String> counted;
    private final Map<String, Route> routes;
    private final Map<Long, Long> lastReach = new ConcurrentHashMap<>();

    /**
     * @param rooms the open room, or null while none is
     * @param guards the lab's guards, applied to every request answered here
     * @param counted told each answered request's path and status (the lab's metrics)
     */
    public RoomApi(Supplier<RoomStore> rooms, Guards guards, ObjIntConsumer<String> counted) {
        this.rooms = rooms;
        this.guards = guards;
        this.counted = counted;
        this.routes =
                Map.of(
                        "/room/api/join", this::join,
                        "/room/api/verdicts", seated(this::verdict),
                        "/room/api/flag", seated(this::flag),
                        "/room/api/leave", seated(this::leave),
                        "/room/api/reach", seated(this::reach));
    }

    /**
     * Blocking, whatever it wraps: a change's answer waits for the journal's {@code fsync}. Jetty
     * takes a wrapper with nothing inside as non-blocking and runs it on the thread that accepts
     * connections, so one join waiting for the disk held every other one back.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Route route = routes.get(path);
        if (route == null) {
            return super.handle(request, response, callback);
        }
        String hostRefusal =
                guards.admitAhead(
                        request.getHeaders().getValuesList(HttpHeader.HOST),
                        response.getHeaders()::put);
        Json.Answer answer;
        try {
            answer =
                    hostRefusal != null
                            ? Json.Answer.text(403, hostRefusal)
                            : answer(request, route);
        } catch (RoomInputException e) {
            // The room's own words about what the learner's lab sent. Any other exception, an
            // IllegalArgumentException of a library included, is an incident below.
            answer = Json.Answer.error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Json.Answer.error(503, "the lab is stopping");
        } catch (Exception e) {
            // Every learner's lab would show the message: it gets a sentence and a number, and
            // the teacher's terminal the exception under that number.
            answer =
                    Json.Answer.error(
                            500,
                            Incident.log("the room's " + path, e).sentence("The teacher's lab"));
        }
        counted.accept(path, answer.status());
        Json.write(response, callback, answer);
        return true;
    }

    private Json.Answer answer(Request request, Route route) throws Exception {
        RoomStore room = rooms.get();
        if (room == null) {
            return Json.Answer.error(404, "no room is open on this lab");
        }
        String browser =
                browserRefusal(
                        request.getHeaders().get(HttpHeader.ORIGIN),
                        request.getHeaders().get("Sec-Fetch-Site"),
                        request.getMethod());
        if (browser != null) {
            return browser.equals(POST_ONLY)
                    ? Json.Answer.error(405, browser).allowing("POST")
                    : Json.Answer.error(403, browser);
        }
        Json.Body body = Json.body(request);
        return body.refusal() != null ? body.refusal() : route.answer(request, room, body.json());
    }

    private static final String POST_ONLY = "POST only";

    /**
     * Why a request may not use the room's API, or null. The API is for labs talking to labs. A
     * browser always sends Origin or Sec-Fetch-Site with a POST; refusing those keeps any web page,
     * even one on the room's own network, from using a join code or seat it should not have.
     */
    static String browserRefusal(String origin, String secFetchSite, String method) {
        if (origin != null || secFetchSite != null) {
            return "the room's API answers learners' labs, not browsers";
        }
        return method.equals("POST") ? null : POST_ONLY;
    }

    /** The same rule for the room's API routes Javalin serves ({@code /room/api/step}). */
    static void labsOnly(Context ctx) {
        String refusal =
                browserRefusal(
                        ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.method().name());
        if (refusal != null) {
            if (refusal.equals(POST_ONLY)) {
                ctx.header("Allow", "POST");
            }
            Json.error(ctx, refusal.equals(POST_ONLY) ? 405 : 403, refusal);
            ctx.skipRemainingHandlers();
        }
    }

    private Route seated(SeatedRoute route) {
        return (request, room, body) -> {
            Optional<Long> learner = seat(request.getHeaders().get(HttpHeader.AUTHORIZATION), room);
            return learner.isEmpty()
                    ? Json.Answer.error(401, NO_SEAT)
                    : route.answer(request, room, learner.get(), body);
        };
    }

    private static final String NO_SEAT =
            "this lab has no seat in the room: join again with the link";

    /** The learner whose seat the request's bearer is, or empty after answering 401. */
    static Optional<Long> seat(Context ctx, RoomStore room) {
        Optional<Long> learner = seat(ctx.header("Authorization"), room);
        if (learner.isEmpty()) {
            Json.error(ctx, 401, NO_SEAT);
        }
        return learner;
    }

    private static Optional<Long> seat(String authorization, RoomStore room) {
        return authorization != null && authorization.startsWith("Bearer ")
                ? room.learner(authorization.substring(7).strip())
                : Optional.empty();
    }

    private static final String WRONG_CODE =
            "this join code is not the room's: copy the link again";

    private Json.Answer join(Request request, RoomStore room, JsonNode body) throws Exception {
        String code = body.path("code").asText("");
        // Both sides are hashed and compared in constant time, like every secret of the room.
        // Checked here so a stranger's guesses never queue behind learners' verdicts, and again by
        // the room when it writes the seat, in case a clear came in between.
        if (!Secrets.wellFormed(code)
                || !Secrets.matches(code, Secrets.digest(room.keys().joinCode()))) {
            return Json.Answer.error(403, WRONG_CODE);
        }
        // A cheap early answer for a full room; the room itself holds the limit when it writes
        // the seat, so joins arriving together cannot pass it.
        if (room.learnerCount() >= room.maxLearners()) {
            return full(room.maxLearners());
        }
        return stored(
                room.join(code, body.path("nickname").asText(""), body.path("os").asText("")),
                seat -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("learner", seat.learner());
                    answer.put("bearer", seat.bearer());
                    return new Json.Answer(201, answer);
                });
    }

    private static Json.Answer full(int seats) {
        return Json.Answer.error(503, "the room is full (" + seats + " learners)");
    }

    private Json.Answer verdict(Request request, RoomStore room, long learner, JsonNode body)
            throws Exception {
        Map<String, String> numbers = new LinkedHashMap<>();
        JsonNode given = body.path("numbers");
        if (given.size() > Summary.MAX_NUMBERS) {
            throw new RoomInputException("at most " + Summary.MAX_NUMBERS + " numbers");
        }
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            numbers.put(field.getKey(), field.getValue().asText());
        }
        JsonNode passed = body.path("passed");
        Summary summary =
                new Summary(
                        body.path("requestId").asText(null),
                        body.path("experiment").asText(null),
                        passed.isBoolean() ? passed.asBoolean() : null,
                        body.path("os").asText(null),
                        numbers,
                        body.path("sentAtMicros").asLong(0));
        return stored(
                room.record(learner, summary),
                event -> new Json.Answer(201, Map.of("stored", event.seq())));
    }

    private Json.Answer flag(Request request, RoomStore room, long learner, JsonNode body)
            throws Exception {
        Flag flag = Flag.parse(body.path("flag").asText(""));
        return stored(
                room.flag(learner, flag),
                event -> new Json.Answer(200, Map.of("flag", flag.key())));
    }

    private Json.Answer leave(Request request, RoomStore room, long learner, JsonNode body)
            throws Exception {
        return stored(room.leave(learner), event -> new Json.Answer(200, Map.of("left", true)));
    }

    private Json.Answer reach(Request request, RoomStore room, long learner, JsonNode body) {
        JsonNode port = body.path("port");
        if (!port.isInt() || port.asInt() < 1 || port.asInt() > 65535) {
            return Json.Answer.error(400, "port must be a port number from 1 to 65,535");
        }
        long now = System.nanoTime();
        Long before = lastReach.put(learner, now);
        if (before != null && now - before < REACH_GAP_NANOS) {
            return Json.Answer.error(429, "one reach-back every 2 s, please");
        }
        InetAddress requester;
        try {
            // The socket's own peer: never a header, never an address from the body.
            requester = InetAddress.getByName(Request.getRemoteAddr(request));
        } catch (UnknownHostException e) {
            return Json.Answer.error(500, "the lab could not read the request's own address");
        }
        ReachBack.Result result = ReachBack.probe(requester, port.asInt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result.name().toLowerCase(java.util.Locale.ROOT));
        answer.put("words", result.words());
        answer.put("port", port.asInt());
        return new Json.Answer(200, answer);
    }

    private interface Stored<T> {
        Json.Answer answer(T value);
    }

    /**
     * Waits for the room to store a change (on the disk), then answers with what it stored. A
     * failure the room did not expect is thrown on, to be answered as an {@link Incident}.
     */
    private static <T> Json.Answer stored(CompletableFuture<T> change, Stored<T> answer)
            throws InterruptedException, ExecutionException {
        try {
            return answer.answer(change.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            // The learner's lab tries again with the same request id, which is stored once.
            return Json.Answer.error(503, "the room did not store this in time; try again");
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof RoomStore.BusyException busy) {
                return Json.Answer.error(503, busy.getMessage());
            }
            if (cause instanceof RoomInputException bad) {
                return Json.Answer.error(400, bad.getMessage());
            }
            if (cause instanceof RoomStore.FullException full) {
                return full(full.seats());
            }
            if (cause instanceof RoomStore.WrongCodeException) {
                return Json.Answer.error(403, WRONG_CODE);
            }
            throw e;
        }
    }
}
