package dev.loopbacklab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What the index page and the links between lessons need of every lesson, without its text: read
 * from the lessons when the jar is built ({@link LessonIndexBuild}) and packed beside them, so a
 * lab started from the jar shows its index without parsing a lesson (~250 ms of CPU cold, most of
 * the start-up beyond Javalin's own; bench/README.md). A test compares the packed index with a
 * fresh read of {@code lessons/}, and lessons read from disk never use it.
 */
public record LessonIndex(List<Entry> lessons) {
    /** Where the built index is packed, beside {@link ContentRoot#PACKED}'s lessons. */
    static final String RESOURCE = ContentRoot.PACKED + "/lesson-index.properties";

    public LessonIndex {
        lessons = List.copyOf(lessons);
    }

    /** One lesson's line of the index: its front matter and the ids it embeds. */
    public record Entry(
            int number,
            String id,
            String title,
            int minutes,
            String summary,
            List<String> experimentIds,
            List<String> checkIds) {
        public Entry {
            experimentIds = List.copyOf(experimentIds);
            checkIds = List.copyOf(checkIds);
        }

        /** The entry of {@code lesson}. */
        public static Entry of(Lesson lesson) {
            return new Entry(
                    lesson.number(),
                    lesson.id(),
                    lesson.title(Lesson.ADDRESS),
                    lesson.minutes(),
                    lesson.summary(),
                    lesson.experimentIds(),
                    lesson.checkIds());
        }

        /**
         * The title with {@link Lesson#ADDRESS} read as {@code address}, as {@link Lesson} does.
         */
        public String title(String address) {
            return title.replace(Lesson.ADDRESS, address);
        }

        /** The folder name, e.g. {@code 01-loopback-echo}. */
        public String folderName() {
            return String.format(Locale.ROOT, "%02d-%s", number, id);
        }
    }

    /** The index of {@code lessons}, in their order. */
    public static LessonIndex of(List<Lesson> lessons) {
        return new LessonIndex(lessons.stream().map(Entry::of).toList());
    }

    /** The index built with the jar, if this class path has one. */
    public static Optional<LessonIndex> packed() {
        try (InputStream in = LessonIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(from(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first lesson with {@code id}, if any. */
    public Optional<Entry> find(String id) {
        return lessons.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The lesson before the one with {@code id} on the path, if any. */
    public Optional<Entry> previous(String id) {
        int i = position(id);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    /** The lesson after the one with {@code id} on the path, if any. */
    public Optional<Entry> next(String id) {
        int i = position(id);
        return i >= 0 && i + 1 < lessons.size()
                ? Optional.of(lessons.get(i + 1))
                : Optional.empty();
    }

    private int position(String id) {
        return find(id).map(lessons::indexOf).orElse(-1);
    }

    /** The index as the text {@link #read} takes back: Java properties in UTF-8, no date. */
    public String write() {
        Properties properties = new Properties();
        properties.setProperty("count", Integer.toString(lessons.size()));
        for (int i = 0; i < lessons.size(); i++) {
            Entry e = lessons.get(i);
            String key = "lesson." + i + ".";
            properties.setProperty(key + "number", Integer.toString(e.number()));
            properties.setProperty(key + "id", e.id());
            properties.setProperty(key + "title", e.title());
            properties.setProperty(key + "minutes", Integer.toString(e.minutes()));
            properties.setProperty(key + "summary", e.summary());
            properties.setProperty(key + "experiments", String.join(",", e.experimentIds()));
            properties.setProperty(key + "checks", String.join(",", e.checkIds()));
        }
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // store() starts with a "#date" line: dropped, so the same lessons build the same bytes.
        return out.toString()
                        .lines()
                        .filter(line -> !line.startsWith("#"))
                        .sorted()
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /** Reads what {@link #write} wrote. */
    public static LessonIndex read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return from(properties);
    }

    private static LessonIndex from(Properties properties) {
        int count = Integer.parseInt(required(properties, "count"));
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = "lesson." + i + ".";
            entries.add(
                    new Entry(
                            Integer.parseInt(required(properties, key + "number")),
                            required(properties, key + "id"),
                            required(properties, key + "title"),
                            Integer.parseInt(required(properties, key + "minutes")),
                            required(properties, key + "summary"),
                            ids(required(properties, key + "experiments")),
                            ids(required(properties, key + "checks"))));
        }
        return new LessonIndex(entries);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new LessonFormatException(RESOURCE + ": no " + key + " (rebuild the jar)");
        }
        return value;
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
