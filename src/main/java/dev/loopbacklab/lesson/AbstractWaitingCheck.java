package dev.loopbacklab.lesson;

/**
 * A check that waits for the learner to reach something it opens on loopback with their own tool:
 * it takes the {@code wait-seconds} parameter, starts the {@link LearnerWait} when it runs, and
 * only has to open, announce and judge, in {@link #await(LearnerWait, Report)}.
 *
 * @param <T> what arrives from the learner, e.g. a request
 */
public abstract class AbstractWaitingCheck<T> extends AbstractCheck {

    /**
     * The arguments of {@link ExperimentInfo}; its one parameter is {@code waitSeconds}, made by
     * {@link LearnerWait#seconds}.
     */
    protected AbstractWaitingCheck(
            String id, String title, String description, ParamSpec waitSeconds) {
        super(id, title, description, waitSeconds);
        if (!waitSeconds.name().equals(LearnerWait.SECONDS)) {
            throw new IllegalArgumentException(id + " waits for " + LearnerWait.SECONDS);
        }
    }

    @Override
    public final void run(Params params, Report report) throws Exception {
        await(LearnerWait.start(params, report), report);
    }

    /**
     * Opens what the learner reaches (given to {@link LearnerWait#hold}), announces it, and judges
     * what arrives until {@code wait} runs out.
     */
    protected abstract void await(LearnerWait<T> wait, Report report) throws Exception;
}
