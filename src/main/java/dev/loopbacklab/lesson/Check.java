package dev.loopbacklab.lesson;

/**
 * A challenge the learner completes on their own machine; running it ends in exactly one {@link
 * Event.Verdict} saying whether they succeeded and what was found.
 */
public interface Check extends Experiment {
    @Override
    default boolean isCheck() {
        return true;
    }
}
