package dev.loopbacklab.lesson;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every experiment and check the lab knows, by id. */
public final class ExperimentRegistry {
    private final Map<String, Experiment> byId = new LinkedHashMap<>();

    /** A registry of {@code experiments}; ids must be unique. */
    public ExperimentRegistry(Collection<? extends Experiment> experiments) {
        for (Experiment experiment : experiments) {
            if (byId.putIfAbsent(experiment.id(), experiment) != null) {
                throw new IllegalArgumentException(
                        "two experiments share the id " + experiment.id());
            }
        }
    }

    public Optional<Experiment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Experiment> all() {
        return List.copyOf(byId.values());
    }

    /** Ids of the experiments that are not checks. */
    public Set<String> experimentIds() {
        return byId.values().stream()
                .filter(e -> !e.isCheck())
                .map(Experiment::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Ids of the checks. */
    public Set<String> checkIds() {
        return byId.values().stream()
                .filter(Experiment::isCheck)
                .map(Experiment::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** A content checker that knows this registry's ids. */
    public ContentChecker contentChecker() {
        return new ContentChecker(experimentIds(), checkIds());
    }
}
