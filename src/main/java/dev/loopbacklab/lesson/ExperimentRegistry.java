package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Every experiment and check the lab knows, by id, and the lesson each belongs to. */
public final class ExperimentRegistry {
    private final Map<String, Experiment> byId = new LinkedHashMap<>();
    private final Map<String, String> lessonOf = new LinkedHashMap<>();
    private final List<LessonExperiments> lessons;

    /** A registry of {@code experiments} that belong to no lesson (tests, tools); unique ids. */
    public ExperimentRegistry(Collection<? extends Experiment> experiments) {
        this(List.of(), experiments);
    }

    private ExperimentRegistry(
            List<LessonExperiments> lessons, Collection<? extends Experiment> loose) {
        loose.forEach(this::add);
        Set<String> lessonIds = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        for (LessonExperiments lesson : lessons) {
            if (!lessonIds.add(lesson.lessonId())) {
                throw new IllegalArgumentException(
                        "the lesson " + lesson.lessonId() + " is registered twice");
            }
            if (!topics.add(lesson.topic())) {
                throw new IllegalArgumentException("two lessons share the topic " + lesson.topic());
            }
            for (Experiment experiment : lesson.experiments()) {
                add(experiment);
                lessonOf.put(experiment.id(), lesson.lessonId());
            }
        }
        this.lessons = List.copyOf(lessons);
    }

    /**
     * A registry of every lesson's experiments: each belongs to exactly one lesson, and ids and
     * topics are unique.
     */
    public static ExperimentRegistry ofLessons(List<LessonExperiments> lessons) {
        return new ExperimentRegistry(lessons, List.of());
    }

    private void add(Experiment experiment) {
        if (byId.putIfAbsent(experiment.id(), experiment) != null) {
            throw new IllegalArgumentException("two experiments share the id " + experiment.id());
        }
    }

    public Optional<Experiment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Experiment> all() {
        return List.copyOf(byId.values());
    }

    /** The lessons and what each runs, in lesson order; empty for a registry without lessons. */
    public List<LessonExperiments> lessons() {
        return lessons;
    }

    /** The id of the lesson the experiment or check {@code id} belongs to, if it is registered. */
    public Optional<String> lessonOf(String id) {
        return Optional.ofNullable(lessonOf.get(id));
    }

    /** Ids of the experiments that are not checks. */
    public Set<String> experimentIds() {
        return byId.values().stream()
                .filter(e -> !e.isCheck())
                .map(Experiment::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ids of the checks. */
    public Set<String> checkIds() {
        return byId.values().stream()
                .filter(Experiment::isCheck)
                .map(Experiment::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Measured figures in the experiments' descriptions and parameter help, which no run can put in
     * context (see {@link MeasuredFigures}).
     *
     * @return one problem per figure, named by experiment and parameter
     */
    public List<ContentChecker.Problem> helpTextProblems() {
        List<ContentChecker.Problem> problems = new ArrayList<>();
        for (Experiment experiment : all()) {
            ExperimentInfo info = experiment.info();
            problems.addAll(MeasuredFigures.checkHelp(info.id(), info.description()));
            for (ParamSpec param : info.params()) {
                problems.addAll(
                        MeasuredFigures.checkHelp(
                                info.id() + ", parameter " + param.name(), param.help()));
            }
        }
        return problems;
    }

    /**
     * A content checker that knows this registry's ids and the lesson each belongs to, so that an
     * experiment embedded in the wrong lesson, or in none, is a problem.
     */
    public ContentChecker contentChecker() {
        return new ContentChecker(experimentIds(), checkIds(), lessonOf);
    }
}
