package dev.loopbacklab.lesson;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a page, the command line and JShell show about an experiment or check before it runs: the
 * one home of its metadata. An experiment states it once, in its constructor, as the arguments of
 * {@link AbstractExperiment}'s, and returns it from {@link Experiment#info()}.
 *
 * @param id kebab-case id, unique across all experiments and checks, starting with its lesson's
 *     topic, e.g. {@code echo-rtt}
 * @param title a short title for the panel, e.g. "Round trips over loopback"
 * @param description one or two sentences: what running it shows
 * @param params the parameters it takes, with defaults and bounds, in the order a form shows them
 */
public record ExperimentInfo(String id, String title, String description, List<ParamSpec> params) {
    private static final String KEBAB = "[a-z0-9]+(-[a-z0-9]+)*";

    public ExperimentInfo {
        if (id == null || !id.matches(KEBAB)) {
            throw new IllegalArgumentException("experiment ids are kebab-case: " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(id + " has no title");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException(id + " has no description");
        }
        params = List.copyOf(params);
        Set<String> names = new HashSet<>();
        for (ParamSpec param : params) {
            if (!names.add(param.name())) {
                throw new IllegalArgumentException(
                        id + " has two parameters named " + param.name());
            }
        }
    }

    /** Metadata with the parameters listed in order; none for an experiment that takes none. */
    public ExperimentInfo(String id, String title, String description, ParamSpec... params) {
        this(id, title, description, List.of(params));
    }
}
