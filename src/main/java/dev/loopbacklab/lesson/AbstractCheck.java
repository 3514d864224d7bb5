package dev.loopbacklab.lesson;

/**
 * A {@link Check} that states its metadata once, in its constructor, as {@link AbstractExperiment}.
 */
public abstract class AbstractCheck extends AbstractExperiment implements Check {

    /** The arguments are those of {@link ExperimentInfo}, and checked as it checks them. */
    protected AbstractCheck(String id, String title, String description, ParamSpec... params) {
        super(id, title, description, params);
    }
}
