package dev.loopbacklab.lesson;

import java.util.List;

/**
 * A runnable piece of a lesson: real networking code that reports what it finds on the learner's
 * machine. Implementations are small classes in {@code dev.loopbacklab.experiments.<topic>}; they
 * close every socket they open, whatever happens, and check {@link Report#checkCancelled()} in
 * loops.
 */
public interface Experiment {

    /** Kebab-case id, unique across all experiments and checks, e.g. {@code echo-rtt}. */
    String id();

    /** A short title for the panel, e.g. "Round trips over loopback". */
    String title();

    /** One or two sentences: what running it shows. */
    String description();

    /** The parameters it takes, with defaults and bounds. */
    List<ParamSpec> params();

    /** Runs it, sending everything it finds to {@code report}. */
    void run(Params params, Report report) throws Exception;

    /** True for a {@link Check}. */
    default boolean isCheck() {
        return false;
    }
}
