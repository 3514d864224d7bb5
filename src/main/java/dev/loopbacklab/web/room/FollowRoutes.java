package dev.loopbacklab.web.room;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.room.BoardState;
import dev.loopbacklab.room.Following;
import dev.loopbacklab.room.Membership;
import dev.loopbacklab.room.RoomFigures;
import dev.loopbacklab.room.RoomStore;
import dev.loopbacklab.room.StepBoard;
import dev.loopbacklab.web.view.MarkdownView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * "Follow the teacher". The teacher's presenter shows its step to its own lab ({@code POST
 * /api/present/step}, from that machine only); browsers follow through their own lab ({@code GET
 * /api/follow}: a learner's lab in a room relays the teacher's step, the teacher's lab — the shared
 * lab's visitors — its own); learners' labs read the teacher's step from the room ({@code POST
 * /room/api/step}, with their seat). Every way in reads; the only way to move the step is the
 * teacher's own browser, so no learner moves the teacher or another learner.
 */
final class FollowRoutes {
    /** Questions one seat may have waiting at once (a lab asks one at a time). */
    static final int PER_SEAT = 2;

    private final Supplier<RoomStore> rooms;
    private final Membership membership;
    private final Following following;
    private final Supplier<LessonCatalog> catalog;
    private final boolean sharedLab;
    private final StepBoard own = new StepBoard();
    private final Map<Long, AtomicInteger> waitingPerSeat = new ConcurrentHashMap<>();

    FollowRoutes(
            Supplier<RoomStore> rooms,
            Membership membership,
            Following following,
            Supplier<LessonCatalog> catalog,
            boolean sharedLab) {
        this.rooms = rooms;
        this.membership = membership;
        this.following = following;
        this.catalog = catalog;
        this.sharedLab = sharedLab;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/present/step", this::present);
        routes.get("/api/follow", this::follow);
        routes.post(Membership.STEP_PATH, this::roomStep);
        routes.get("/api/present/room", this::roomFigures);
    }

    /** The step this lab's own presenter shows. */
    StepBoard own() {
        return own;
    }

    /** The teacher's presenter says which step it shows: from this machine only. */
    private void present(Context ctx) {
        if (!Workshop.fromThisMachine(ctx)) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        Optional<Lesson> lesson = catalog.get().find(body.path("lesson").asText(""));
        if (lesson.isEmpty() || !body.path("step").isInt()) {
            Json.error(ctx, 400, "name a lesson of this lab and a step number");
            return;
        }
        List<MarkdownView.StepHeading> steps = MarkdownView.steps(lesson.get().document());
        int step = body.path("step").asInt();
        if (step < 0 || step >= steps.size()) {
            Json.error(ctx, 400, "this lesson has steps 0 to " + (steps.size() - 1));
            return;
        }
        String title = steps.get(step).title();
        own.show(
                lesson.get().id(),
                step,
                steps.size(),
                title.isEmpty() ? lesson.get().title() : title);
        Map<String, Object> answer = new LinkedHashMap<>(view(own.current()));
        answer.put("followable", followable());
        Json.answer(ctx, 200, answer);
    }

    /**
     * The room's numbers for the presenter and the speaker window: the teacher's, so from this
     * machine only (like those pages in a room); nothing while no room is open.
     */
    private void roomFigures(Context ctx) {
        if (!Workshop.fromThisMachine(ctx)) {
            return;
        }
        RoomStore room = rooms.get();
        if (room == null) {
            Json.answer(ctx, 200, Map.of("open", false));
            return;
        }
        List<BoardState.Learner> learners = room.board().learners();
        Json.answer(
                ctx,
                200,
                Map.of(
                        "open",
                        true,
                        "learners",
                        learners.size(),
                        "tables",
                        RoomFigures.of(learners)));
    }

    /** Whether browsers can follow this lab's presenter: it holds a room or is a shared lab. */
    private boolean followable() {
        return sharedLab || rooms.get() != null;
    }

    /**
     * A browser follows: the step after version {@code after}, answered when it changes (or after a
     * while). A learner's lab in a room relays the teacher's step; otherwise this lab's own.
     */
    private void follow(Context ctx) {
        String after;
        try {
            after = ctx.queryParam("after");
        } catch (RuntimeException malformed) {
            // Javalin's query parser throws on some malformed query strings
            Json.error(ctx, 400, "the query string cannot be read");
            return;
        }
        StepBoard board;
        if (membership.joined()) {
            if (after != null) {
                following.wanted(); // a page follows: only then does this lab ask the room
            }
            board = following.board();
        } else if (followable()) {
            board = own;
        } else {
            Json.answer(ctx, 200, Map.of("available", false));
            return;
        }
        if (after == null) {
            Json.answer(ctx, 200, view(board.current()));
            return;
        }
        long version;
        try {
            version = Long.parseLong(after);
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "after is the version the page has, a whole number");
            return;
        }
        LongPoll.answer(ctx, board.after(version), board::current, this::view);
    }

    /** A learner's lab asks for the teacher's step, with its seat. It can only read. */
    private void roomStep(Context ctx) {
        Optional<Long> seat = RoomApi.seat(ctx, rooms.get());
        if (seat.isEmpty()) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        AtomicInteger waiting =
                waitingPerSeat.computeIfAbsent(seat.get(), s -> new AtomicInteger());
        if (waiting.incrementAndGet() > PER_SEAT) {
            waiting.decrementAndGet();
            Json.error(ctx, 429, "this seat already has " + PER_SEAT + " questions waiting");
            return;
        }
        var change = own.after(body.path("after").asLong(-1));
        change.whenComplete((step, failure) -> waiting.decrementAndGet());
        LongPoll.answer(ctx, change, own::current, FollowRoutes::roomView);
    }

    /** What the room tells a learner's lab: the step, nothing of this lab's own pages. */
    private static Map<String, Object> roomView(StepBoard.Step step) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", step.version());
        if (step.shown()) {
            view.put("lesson", step.lesson());
            view.put("step", step.step());
            view.put("steps", step.steps());
            view.put("title", step.title());
        }
        return view;
    }

    /**
     * What a browser of this lab gets: the step, and where it is on this lab's own pages (a lesson
     * this lab does not have gets no link).
     */
    private Map<String, Object> view(StepBoard.Step step) {
        Map<String, Object> view = roomView(step);
        view.put("available", true);
        view.put("from", membership.joined() ? "room" : "presenter");
        Optional<Lesson> lesson =
                step.shown() ? catalog.get().find(step.lesson()) : Optional.empty();
        if (lesson.isPresent()) {
            List<MarkdownView.StepHeading> steps = MarkdownView.steps(lesson.get().document());
            view.put("href", "/lessons/" + lesson.get().id());
            view.put("anchor", step.step() < steps.size() ? steps.get(step.step()).anchor() : null);
        }
        return view;
    }
}
