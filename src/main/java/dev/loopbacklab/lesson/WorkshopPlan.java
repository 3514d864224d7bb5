package dev.loopbacklab.lesson;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A workshop: lessons in the order the teacher picked, with breaks, from a start time. It is
 * written as a short list, e.g. {@code you-are-here,loopback-echo,break-15,port-binding}; the
 * default is the whole course with a break whenever 75 minutes or more have gone by since the last
 * one.
 *
 * @param start when the workshop starts
 * @param items the lessons and breaks in order
 */
public record WorkshopPlan(LocalTime start, List<Item> items) {
    /** The start time when none is given. */
    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);

    static final int BREAK_AFTER = 75;
    static final int DEFAULT_BREAK = 15;
    private static final int MAX_ITEMS = 100;

    public WorkshopPlan {
        items = List.copyOf(items);
    }

    /** A lesson or a break, with its minutes. */
    public sealed interface Item {
        int minutes();
    }

    /** A lesson of the plan. */
    public record LessonItem(Lesson lesson) implements Item {
        @Override
        public int minutes() {
            return lesson.minutes();
        }
    }

    /** A break of the plan. */
    public record Break(int minutes) implements Item {}

    /** The whole course, in order, with breaks, from {@code start}. */
    public static WorkshopPlan wholeCourse(LessonCatalog catalog, LocalTime start) {
        List<Item> items = new ArrayList<>();
        int sinceBreak = 0;
        List<Lesson> lessons = catalog.lessons();
        for (int i = 0; i < lessons.size(); i++) {
            items.add(new LessonItem(lessons.get(i)));
            sinceBreak += lessons.get(i).minutes();
            if (sinceBreak >= BREAK_AFTER && i + 1 < lessons.size()) {
                items.add(new Break(DEFAULT_BREAK));
                sinceBreak = 0;
            }
        }
        return new WorkshopPlan(start, items);
    }

    /**
     * Reads a plan: {@code spec} lists lesson ids and {@code break-N} (N minutes, 1 to 120),
     * separated by commas; blank means the whole course. {@code start} is {@code HH:MM}, blank for
     * {@link #DEFAULT_START}. Throws {@link IllegalArgumentException} with a message for the
     * teacher.
     */
    public static WorkshopPlan parse(String spec, String start, LessonCatalog catalog) {
        LocalTime from = DEFAULT_START;
        if (start != null && !start.isBlank()) {
            if (!start.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                throw new IllegalArgumentException(
                        "start must be a time of day as HH:MM, e.g. 09:30");
            }
            from = LocalTime.parse(start);
        }
        if (spec == null || spec.isBlank()) {
            return wholeCourse(catalog, from);
        }
        String[] words = spec.split(",", -1);
        if (words.length > MAX_ITEMS) {
            throw new IllegalArgumentException("a plan has at most " + MAX_ITEMS + " items");
        }
        List<Item> items = new ArrayList<>();
        for (String raw : words) {
            String word = raw.strip();
            if (word.matches("break-[0-9]{1,3}")) {
                int minutes = Integer.parseInt(word.substring(6));
                if (minutes < 1 || minutes > 120) {
                    throw new IllegalArgumentException("a break lasts 1 to 120 minutes");
                }
                items.add(new Break(minutes));
                continue;
            }
            Lesson lesson =
                    catalog.find(word)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no lesson \""
                                                            + clip(word)
                                                            + "\"; a plan lists lesson ids and break-N, e.g. "
                                                            + catalog.lessons().get(0).id()
                                                            + ",break-10"));
            items.add(new LessonItem(lesson));
        }
        return new WorkshopPlan(from, items);
    }

    /** The minutes of all items, breaks included. */
    public int minutes() {
        return items.stream().mapToInt(Item::minutes).sum();
    }

    /** When the workshop ends. */
    public LocalTime end() {
        return start.plusMinutes(minutes());
    }

    /** The lessons of the plan, in order. */
    public List<Lesson> lessons() {
        return items.stream()
                .filter(i -> i instanceof LessonItem)
                .map(i -> ((LessonItem) i).lesson())
                .toList();
    }

    /** The plan written as {@link #parse} reads it. */
    public String spec() {
        return items.stream()
                .map(i -> i instanceof LessonItem l ? l.lesson().id() : "break-" + i.minutes())
                .collect(Collectors.joining(","));
    }

    private static String clip(String text) {
        String visible = text.replaceAll("[^A-Za-z0-9-]", "?");
        return visible.length() <= 40 ? visible : visible.substring(0, 40) + "…";
    }
}
