package dev.loopbacklab.room;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The step a presenter is showing, for those who follow it: on the teacher's lab, the step its own
 * presenter published; on a learner's lab, a copy of the teacher's. Followers ask "anything after
 * version n?" and wait for the answer ({@link #after}), so a step reaches them as soon as it
 * changes without anyone polling fast.
 */
public final class StepBoard {
    /** At most this many wait at once; more get the current step at once. */
    public static final int MAX_WAITING = 4_096;

    private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /**
     * One step of a lesson: {@code step} counts from 0 (the lesson's opening) to {@code steps - 1};
     * {@code version} grows with every change (0: nothing shown yet).
     */
    public record Step(long version, String lesson, int step, int steps, String title) {
        /** Nothing shown yet. */
        public static final Step NONE = new Step(0, null, 0, 0, null);

        public Step {
            if (lesson != null) {
                if (!LESSON_ID.matcher(lesson).matches()) {
                    throw new IllegalArgumentException("not a lesson id: " + lesson);
                }
                if (steps < 1 || steps > 1000 || step < 0 || step >= steps) {
                    throw new IllegalArgumentException("step " + step + " of " + steps);
                }
                if (title == null || title.length() > 200) {
                    throw new IllegalArgumentException("a step's title is 1 to 200 characters");
                }
            }
        }

        /** True once a presenter showed something. */
        public boolean shown() {
            return lesson != null;
        }
    }

    private final Set<CompletableFuture<Step>> waiting = ConcurrentHashMap.newKeySet();
    private Step current = Step.NONE;

    /** The step shown now. */
    public synchronized Step current() {
        return current;
    }

    /**
     * Shows {@code step} of {@code lesson}; followers waiting hear of it at once. Showing the step
     * already shown changes nothing.
     */
    public Step show(String lesson, int step, int steps, String title) {
        Step now;
        synchronized (this) {
            if (lesson.equals(current.lesson())
                    && step == current.step()
                    && title.equals(current.title())) {
                return current;
            }
            now = new Step(current.version() + 1, lesson, step, steps, title);
            current = now;
        }
        tell(now);
        return now;
    }

    /**
     * Forgets what was shown (a copy that may be stale): followers hear "nothing shown" until the
     * next {@link #show}.
     */
    public void forget() {
        Step now;
        synchronized (this) {
            if (!current.shown()) {
                return;
            }
            now = new Step(current.version() + 1, null, 0, 0, null);
            current = now;
        }
        tell(now);
    }

    private void tell(Step now) {
        for (CompletableFuture<Step> waiter : List.copyOf(waiting)) {
            waiter.complete(now);
        }
    }

    /**
     * The current step if its version is not {@code version} (at once), else the next one, when it
     * comes. Cancel the future to stop waiting (it is then forgotten).
     */
    public CompletableFuture<Step> after(long version) {
        CompletableFuture<Step> next = new CompletableFuture<>();
        synchronized (this) {
            if (current.version() != version || waiting.size() >= MAX_WAITING) {
                next.complete(current);
                return next;
            }
            waiting.add(next);
        }
        next.whenComplete((step, failure) -> waiting.remove(next));
        return next;
    }

    /** How many wait now (for tests and the cap). */
    public int waiting() {
        return waiting.size();
    }
}
