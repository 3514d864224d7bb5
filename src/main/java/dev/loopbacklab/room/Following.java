package dev.loopbacklab.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A learner's lab following the teacher's presenter: while one of its pages follows, it asks the
 * room for the teacher's step (the room holds each question until the step changes) and keeps a
 * copy in its own {@link StepBoard}, which the learner's pages read. The learner's browser talks to
 * its own lab only; only this lab talks to the room, with its seat, and only to read.
 */
public final class Following implements AutoCloseable {
    /** A lab stops asking this long after its last page asked it. */
    static final long IDLE_MILLIS = 60_000;

    /** After a failure or a quick unchanged answer, wait this long before asking again. */
    static final long PAUSE_MILLIS = 2_000;

    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final Membership membership;
    private final StepBoard board = new StepBoard();
    private volatile long lastWanted;
    private volatile boolean closed;
    private Thread asking; // guarded by this

    public Following(Membership membership) {
        this.membership = membership;
    }

    /** The teacher's step as this lab last heard it. */
    public StepBoard board() {
        return board;
    }

    /** A page of this lab follows: ask the room from now on (if not already). */
    public synchronized void wanted() {
        lastWanted = System.nanoTime();
        if (closed || (asking != null && asking.isAlive())) {
            return;
        }
        // what this lab heard before may be stale by now: nobody follows it until the room answers
        board.forget();
        asking = new Thread(this::ask, "lab-follow-teacher");
        asking.setDaemon(true);
        asking.start();
    }

    private void ask() {
        long version = -1; // the teacher's version, not this board's
        while (!closed
                && membership.joined()
                && System.nanoTime() - lastWanted < IDLE_MILLIS * 1_000_000) {
            long asked = System.nanoTime();
            try {
                StepBoard.Step step = read(membership.teacherStep(version));
                boolean changed = step.version() != version;
                version = step.version();
                if (step.shown()) {
                    board.show(step.lesson(), step.step(), step.steps(), step.title());
                }
                if (!changed && System.nanoTime() - asked < PAUSE_MILLIS * 1_000_000) {
                    pause(); // the room answered at once with nothing new: it is not holding
                }
            } catch (RoomException | IllegalArgumentException e) {
                pause();
            }
        }
    }

    /**
     * The room's answer read strictly: a teacher's lab (or anything at its address) could send
     * anything, so a step is only taken whole and valid.
     */
    static StepBoard.Step read(String json) {
        JsonNode node;
        try {
            node = Mapper.JSON.readTree(json == null ? "" : json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the room's answer is not JSON");
        }
        if (node == null || !node.path("version").canConvertToLong()) {
            throw new IllegalArgumentException("the room's answer has no version");
        }
        long version = node.path("version").asLong();
        if (!node.path("lesson").isTextual()) {
            return new StepBoard.Step(version, null, 0, 0, null);
        }
        if (!node.path("step").isInt() || !node.path("steps").isInt()) {
            throw new IllegalArgumentException("the room's step is not a number");
        }
        return new StepBoard.Step(
                version,
                node.path("lesson").asText(),
                node.path("step").asInt(),
                node.path("steps").asInt(),
                node.path("title").isTextual() ? node.path("title").asText() : null);
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (asking != null) {
            asking.interrupt();
        }
    }
}
