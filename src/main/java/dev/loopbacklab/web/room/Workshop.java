package dev.loopbacklab.web.room;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.OwnAddresses;
import dev.loopbacklab.room.Flag;
import dev.loopbacklab.room.Following;
import dev.loopbacklab.room.JoinLink;
import dev.loopbacklab.room.Membership;
import dev.loopbacklab.room.RoomException;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.StepBoard;
import dev.loopbacklab.web.runs.Run;
import dev.loopbacklab.web.view.BoardPage;
import dev.loopbacklab.web.view.JoinPage;
import dev.loopbacklab.web.view.Layout;
import dev.loopbacklab.web.view.WorkshopPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A lab's part in a workshop. As the teacher's lab it may hold an open room (its API for learners'
 * labs, its board, the join page and the jar handed out); as a learner's lab it holds a {@link
 * Membership} and tells the room about each finished run.
 */
public final class Workshop implements AutoCloseable {
    private final WorkshopConfig config;
    private final String host;
    private final Supplier<Integer> port;
    private final Supplier<LessonCatalog> catalog;
    private final Layout.Chrome chrome;
    private final Membership membership;
    private final Following following;
    private final FollowRoutes follow;
    private final JarHandout jar = new JarHandout();
    private volatile RoomStore room;
    private volatile RoomApi api;
    private volatile BoardRoutes board;

    public Workshop(
            WorkshopConfig config,
            String host,
            Supplier<Integer> port,
            Supplier<LessonCatalog> catalog,
            Layout.Chrome chrome) {
        this.config = config;
        this.host = host;
        this.port = port;
        this.catalog = catalog;
        this.chrome = chrome;
        this.membership = new Membership(config.sendFrom());
        this.following = new Following(membership);
        this.follow =
                new FollowRoutes(
                        this::room, membership, following, catalog, chrome.roomBanner() != null);
    }

    /**
     * Paths that carry a capability of their own (the join code, a seat's secret, the board token),
     * so a room's access token is not asked for them: learners' labs never have it.
     */
    public static boolean ownCapability(String path) {
        return path.startsWith("/room/") || path.equals("/join");
    }

    public void register(RoutesConfig routes) {
        for (String path : new String[] {"/room/*", "/join"}) {
            routes.before(
                    path,
                    ctx -> {
                        if (room == null) {
                            Json.error(ctx, 404, "no room is open on this lab");
                            ctx.skipRemainingHandlers();
                        }
                    });
        }
        // The room's API itself is RoomApi, a Jetty handler ahead of Javalin; its one route
        // served here (FollowRoutes' /room/api/step) keeps the same rule.
        routes.before("/room/api/*", RoomApi::labsOnly);
        new BoardRoutes(this::room, this::boardChecks, this::boardModel, chrome).register(routes);
        follow.register(routes);
        routes.get("/join", this::joinPage);
        routes.get("/room/loopback-lab.jar", jar::serve);
        routes.get("/workshop", ctx -> html(ctx, WorkshopPage.render(chrome)));
        routes.get("/api/room", ctx -> Json.answer(ctx, 200, membership.status()));
        routes.post("/api/room/join", this::join);
        routes.post("/api/room/flag", this::flag);
        routes.post(
                "/api/room/leave",
                ctx -> {
                    if (fromThisMachine(ctx)) {
                        Json.answer(ctx, 200, membership.leave());
                    }
                });
        routes.post("/api/room/open", this::open);
    }

    /** Opens the room at start or joins one, as configured. */
    public void start() throws IOException, SQLException {
        if (config.openRoom()) {
            openRoom();
        }
        if (config.join() != null) {
            membership.join(config.join(), config.nickname());
        }
    }

    /** Opens (or reopens, from its file) the teacher's room. */
    public synchronized RoomStore openRoom() throws IOException, SQLException {
        if (room == null) {
            room = RoomStore.open(config.roomFolder());
            // The join page shows the jar's SHA-256: hash it now, not on a learner's request.
            jar.prepare();
        }
        return room;
    }

    /** The open room, or null. */
    public RoomStore room() {
        return room;
    }

    /** The step this lab's own presenter shows (what a room follows). */
    public StepBoard.Step presented() {
        return follow.own().current();
    }

    /** The learner side. */
    public Membership membership() {
        return membership;
    }

    /**
     * Called by the run registry when any run ends: the room hears of it if this lab joined one.
     */
    public void finished(Run run) {
        Outcome outcome = run.outcome();
        if (outcome == Outcome.CANCELLED || outcome == null || !membership.joined()) {
            return;
        }
        boolean check = run.experiment().isCheck();
        if (check && outcome != Outcome.PASSED && outcome != Outcome.NOT_PASSED) {
            return;
        }
        membership.finished(run.experiment().id(), check, outcome == Outcome.PASSED, run.events());
    }

    /** The link learners give their lab: this lab's address as the room reaches it. */
    public String joinLink() {
        return "http://" + joinHost() + ":" + port.get() + "/join?code=" + room.keys().joinCode();
    }

    /** The link that opens the board (it carries the board token). */
    public String boardLink() {
        return "http://"
                + joinHost()
                + ":"
                + port.get()
                + "/room/board?board="
                + room.keys().boardToken();
    }

    private String joinHost() {
        InetAddress bound = IpLiteral.parse(host);
        if (!bound.isAnyLocalAddress()) {
            return Endpoint.bracketed(host);
        }
        // Listening everywhere: show the machine's first own address that others can reach (read
        // from the interfaces; nothing is sent to it).
        for (InetAddress own : OwnAddresses.list()) {
            if (!own.isLoopbackAddress() && own.getAddress().length == 4) {
                return IpLiteral.format(own);
            }
        }
        return "127.0.0.1";
    }

    /** The grid's columns: every check of the course, in lesson order. */
    private List<BoardPage.CheckColumn> boardChecks() {
        List<BoardPage.CheckColumn> checks = new ArrayList<>();
        for (Lesson lesson : catalog.get().lessons()) {
            for (String check : lesson.checkIds()) {
                checks.add(new BoardPage.CheckColumn(check, lesson.title(), check));
            }
        }
        return checks;
    }

    private BoardPage.Model boardModel() {
        return new BoardPage.Model(
                joinLink(),
                room.keys().joinCode(),
                QrSvg.of(joinLink()),
                boardChecks(),
                jar.handout(),
                !IpLiteral.parse(host).isLoopbackAddress());
    }

    private void joinPage(Context ctx) {
        String code = ctx.queryParam("code");
        if (code == null
                || !dev.loopbacklab.room.Secrets.matches(
                        code, dev.loopbacklab.room.Secrets.digest(room.keys().joinCode()))) {
            ctx.status(403)
                    .contentType("text/plain; charset=utf-8")
                    .result("This join link is not this room's; copy it again.\n");
            return;
        }
        html(ctx, JoinPage.render(joinLink(), jar.handout(), chrome));
    }

    /**
     * Joining, flagging and leaving are for the learner at this machine: in a teacher's shared lab,
     * a visitor's browser must not make the teacher's lab join anything.
     */
    static boolean fromThisMachine(Context ctx) {
        if (thisMachine(ctx.req().getRemoteAddr())) {
            return true;
        }
        Json.error(ctx, 403, "only the person at this lab's own machine can do that");
        return false;
    }

    /**
     * Whether a request's peer, an IP literal as the servlet gives it, is this machine: read as
     * text, never looked up.
     */
    public static boolean thisMachine(String remoteAddress) {
        try {
            return remoteAddress != null
                    && IpLiteral.parse(remoteAddress.replace("[", "").replace("]", ""))
                            .isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    private void join(Context ctx) {
        if (!fromThisMachine(ctx)) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        try {
            JoinLink link = JoinLink.parse(body.path("link").asText(""));
            Json.answer(ctx, 200, membership.join(link, body.path("nickname").asText("")));
        } catch (IllegalArgumentException | RoomException e) {
            Json.error(ctx, 400, e.getMessage());
        }
    }

    private void flag(Context ctx) {
        if (!fromThisMachine(ctx)) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        try {
            Json.answer(ctx, 200, membership.flag(Flag.parse(body.path("flag").asText(""))));
        } catch (IllegalArgumentException | RoomException e) {
            Json.error(ctx, 400, e.getMessage());
        }
    }

    /** Opening a room is for the person at this machine: a request from loopback only. */
    private void open(Context ctx) throws IOException, SQLException {
        InetAddress from = InetAddress.getByName(ctx.req().getRemoteAddr());
        if (!from.isLoopbackAddress()) {
            Json.error(ctx, 403, "a room is opened from the lab's own machine");
            return;
        }
        openRoom();
        Json.answer(ctx, 200, Map.of("board", boardLink(), "join", joinLink()));
    }

    private static void html(Context ctx, String page) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    @Override
    public void close() {
        following.close();
        membership.close();
        RoomStore open = room;
        if (open != null) {
            open.close();
        }
    }
}
