package dev.loopbacklab.room;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the board shows, kept in memory and rebuilt from the database at start: every learner, their
 * latest verdict per check, their flag, how long they have been stuck, and the numbers their
 * machines sent. Changed only by {@link #apply}, under the store's lock.
 */
public final class BoardState {
    /** One cell of the grid: a learner's latest verdict for one check. */
    public record Cell(boolean passed, long atMillis, int attempts) {}

    /** One row of the grid. */
    public record Learner(
            long id,
            String nickname,
            String os,
            long joinedAtMillis,
            String flag,
            long flagAtMillis,
            boolean left,
            Map<String, Cell> checks,
            Map<String, Map<String, String>> numbers,
            long stuckSinceMillis) {}

    private final Map<Long, Learner> learners = new LinkedHashMap<>();

    /** Applies one durable change. */
    void apply(BoardEvent event) {
        switch (event.type()) {
            case "clear" -> learners.clear();
            case "join" ->
                    learners.put(
                            event.learner(),
                            new Learner(
                                    event.learner(),
                                    event.nickname(),
                                    event.os(),
                                    event.atMillis(),
                                    Flag.NONE.key(),
                                    0,
                                    false,
                                    Map.of(),
                                    Map.of(),
                                    0));
            case "flag" -> update(event, l -> withFlag(l, event.flag(), event.atMillis()));
            case "leave" -> update(event, BoardState::gone);
            case "verdict" -> update(event, l -> withVerdict(l, event));
            default -> throw new IllegalArgumentException("unknown change " + event.type());
        }
    }

    private interface Change {
        Learner apply(Learner learner);
    }

    private void update(BoardEvent event, Change change) {
        Learner learner = learners.get(event.learner());
        if (learner != null) {
            learners.put(learner.id(), change.apply(learner));
        }
    }

    private static Learner withFlag(Learner l, String flag, long at) {
        return stuck(
                new Learner(
                        l.id(),
                        l.nickname(),
                        l.os(),
                        l.joinedAtMillis(),
                        flag,
                        at,
                        l.left(),
                        l.checks(),
                        l.numbers(),
                        l.stuckSinceMillis()),
                at);
    }

    private static Learner gone(Learner l) {
        return new Learner(
                l.id(),
                l.nickname(),
                l.os(),
                l.joinedAtMillis(),
                l.flag(),
                l.flagAtMillis(),
                true,
                l.checks(),
                l.numbers(),
                0);
    }

    private static Learner withVerdict(Learner l, BoardEvent event) {
        // Only the maps that change are copied: this runs for every verdict, on the room's writer.
        Map<String, Cell> checks = l.checks();
        if (event.passed() != null) {
            Cell before = checks.get(event.experiment());
            int attempts = before == null ? 1 : before.attempts() + 1;
            checks =
                    with(
                            checks,
                            event.experiment(),
                            new Cell(event.passed(), event.atMillis(), attempts));
        }
        Map<String, Map<String, String>> numbers =
                event.numbers().isEmpty()
                        ? l.numbers()
                        : with(l.numbers(), event.experiment(), event.numbers());
        return new Learner(
                l.id(),
                l.nickname(),
                event.os(),
                l.joinedAtMillis(),
                l.flag(),
                l.flagAtMillis(),
                l.left(),
                checks,
                numbers,
                stuckSince(l.flag(), checks, l.stuckSinceMillis(), event.atMillis()));
    }

    /** A copy of {@code map} with {@code key} set, in key order, that nobody can change. */
    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A learner is stuck while they ask for help or a check's latest verdict is a failure; the
     * board shows for how long, from the first moment of that stretch.
     */
    private static Learner stuck(Learner l, long now) {
        return new Learner(
                l.id(),
                l.nickname(),
                l.os(),
                l.joinedAtMillis(),
                l.flag(),
                l.flagAtMillis(),
                l.left(),
                l.checks(),
                l.numbers(),
                stuckSince(l.flag(), l.checks(), l.stuckSinceMillis(), now));
    }

    private static long stuckSince(String flag, Map<String, Cell> checks, long since, long now) {
        boolean stuckNow = Flag.HELP.key().equals(flag);
        for (Cell cell : checks.values()) {
            stuckNow |= !cell.passed();
        }
        return !stuckNow ? 0 : (since == 0 ? now : since);
    }

    /** Every learner, in the order they joined. */
    public List<Learner> learners() {
        return List.copyOf(new ArrayList<>(learners.values()));
    }

    /** How many learners have passed {@code check} (their latest verdict). */
    public long passed(String check) {
        return learners.values().stream()
                .map(l -> l.checks().get(check))
                .filter(c -> c != null && c.passed())
                .count();
    }

    int size() {
        return learners.size();
    }

    /** A copy, for readers outside the store's lock. */
    BoardState copy() {
        BoardState copy = new BoardState();
        copy.learners.putAll(learners);
        return copy;
    }
}
