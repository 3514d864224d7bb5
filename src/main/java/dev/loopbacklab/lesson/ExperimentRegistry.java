package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Every experiment and check the lab knows, by id, and the lesson each belongs to. */
public final class ExperimentRegistry {
    private final Supplier<Contents> contents;

    /** The registry's maps, built once. */
    private record Contents(
            Map<String, Experiment> byId,
            Map<String, String> lessonOf,
            List<LessonExperiments> lessons) {}

    /** A registry of {@code experiments} that belong to no lesson (tests, tools); unique ids. */
    public ExperimentRegistry(Collection<? extends Experiment> experiments) {
        this(build(List.of(), experiments));
    }

    private ExperimentRegistry(Contents built) {
        this.contents = () -> built;
    }

    private ExperimentRegistry(Supplier<List<LessonExperiments>> lessons) {
        this.contents = new Once(lessons);
    }

    private static Contents build(
            List<LessonExperiments> lessons, Collection<? extends Experiment> loose) {
        Map<String, Experiment> byId = new LinkedHashMap<>();
        Map<String, String> lessonOf = new LinkedHashMap<>();
        loose.forEach(e -> add(byId, e));
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
                add(byId, experiment);
                lessonOf.put(experiment.id(), lesson.lessonId());
            }
        }
        return new Contents(byId, lessonOf, List.copyOf(lessons));
    }

    /**
     * A registry of every lesson's experiments: each belongs to exactly one lesson, and ids and
     * topics are unique.
     */
    public static ExperimentRegistry ofLessons(List<LessonExperiments> lessons) {
        return new ExperimentRegistry(build(lessons, List.of()));
    }

    /**
     * As {@link #ofLessons(List)}, with the lessons' experiments made and checked on first use: a
     * lab's first page (its index) needs none of them, and making them all cost ~90 ms of CPU at
     * start (bench/README.md, start-up session 5). A broken registration throws then.
     */
    public static ExperimentRegistry ofLessons(Supplier<List<LessonExperiments>> lessons) {
        return new ExperimentRegistry(lessons);
    }

    private static void add(Map<String, Experiment> byId, Experiment experiment) {
        if (byId.putIfAbsent(experiment.id(), experiment) != null) {
            throw new IllegalArgumentException("two experiments share the id " + experiment.id());
        }
    }

    /** Builds the contents on the first call, by whichever thread makes it; the same after. */
    private static final class Once implements Supplier<Contents> {
        private final Supplier<List<LessonExperiments>> lessons;
        private volatile Contents built;

        Once(Supplier<List<LessonExperiments>> lessons) {
            this.lessons = lessons;
        }

        @Override
        public Contents get() {
            Contents done = built;
            if (done == null) {
                synchronized (this) {
                    done = built;
                    if (done == null) {
                        done = build(lessons.get(), List.of());
                        built = done;
                    }
                }
            }
            return done;
        }
    }

    public Optional<Experiment> find(String id) {
        return Optional.ofNullable(contents.get().byId().get(id));
    }

    public List<Experiment> all() {
        return List.copyOf(contents.get().byId().values());
    }

    /** The lessons and what each runs, in lesson order; empty for a registry without lessons. */
    public List<LessonExperiments> lessons() {
        return contents.get().lessons();
    }

    /** The id of the lesson the experiment or check {@code id} belongs to, if it is registered. */
    public Optional<String> lessonOf(String id) {
        return Optional.ofNullable(contents.get().lessonOf().get(id));
    }

    /** Ids of the experiments that are not checks. */
    public Set<String> experimentIds() {
        return contents.get().byId().values().stream()
                .filter(e -> !e.isCheck())
                .map(Experiment::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ids of the checks. */
    public Set<String> checkIds() {
        return contents.get().byId().values().stream()
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
        return new ContentChecker(experimentIds(), checkIds(), contents.get().lessonOf());
    }
}
