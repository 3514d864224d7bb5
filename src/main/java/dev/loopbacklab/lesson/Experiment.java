package dev.loopbacklab.lesson;

import java.util.List;

/**
 * A runnable piece of a lesson: real networking code that reports what it finds on the learner's
 * machine. Implementations are small classes in {@code dev.loopbacklab.experiments.<topic>}; each
 * extends {@link AbstractExperiment} (or {@link AbstractCheck}), which takes its metadata once, in
 * its constructor, and is registered with its lesson in that package's {@link LessonExperiments}.
 * They close every socket they open, whatever happens, and check {@link Report#checkCancelled()} in
 * loops.
 */
public interface Experiment {

    /** Id, title, description and parameters: everything shown before it runs. */
    ExperimentInfo info();

    /** Runs it, sending everything it finds to {@code report}. */
    void run(Params params, Report report) throws Exception;

    /** Kebab-case id, unique across all experiments and checks, e.g. {@code echo-rtt}. */
    default String id() {
        return info().id();
    }

    /** A short title for the panel. */
    default String title() {
        return info().title();
    }

    /** One or two sentences: what running it shows. */
    default String description() {
        return info().description();
    }

    /** The parameters it takes, with defaults and bounds. */
    default List<ParamSpec> params() {
        return info().params();
    }

    /**
     * Loads and first-calls, off the request path, what this experiment's first run would otherwise
     * load while the learner waits for its first event (a database engine, say). It opens no
     * socket, starts nothing that lasts and reports nothing; the lab calls it in the background
     * once the experiment's lesson page has been served. Most experiments need none.
     */
    default void warmUp() {}

    /** True for a {@link Check}. */
    default boolean isCheck() {
        return false;
    }
}
