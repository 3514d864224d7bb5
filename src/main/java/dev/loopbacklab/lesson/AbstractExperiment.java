package dev.loopbacklab.lesson;

/**
 * An experiment that states its metadata once, in its constructor, and only has to say how it runs:
 *
 * <pre>{@code
 * final class EchoRtt extends AbstractExperiment {
 *     EchoRtt() {
 *         super("echo-rtt", "Round trips over loopback", "Sends …", ParamSpec.integer(…));
 *     }
 *
 *     public void run(Params params, Report report) { … }
 * }
 * }</pre>
 *
 * A check extends {@link AbstractCheck} instead.
 */
public abstract class AbstractExperiment implements Experiment {
    private final ExperimentInfo info;

    /** The arguments are those of {@link ExperimentInfo}, and checked as it checks them. */
    protected AbstractExperiment(String id, String title, String description, ParamSpec... params) {
        this.info = new ExperimentInfo(id, title, description, params);
    }

    @Override
    public final ExperimentInfo info() {
        return info;
    }
}
