package dev.loopbacklab.web.runs;

import dev.loopbacklab.lesson.Event;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the events a run's stream sends, one per kind of {@link Event}, read from the sealed
 * interface itself so that a new kind of event is streamed, and subscribed to by the page, without
 * a list to keep by hand. The page's script gets them with the run ({@code "types"}).
 */
public final class EventTypes {
    private static final List<String> ALL = derive();

    private EventTypes() {}

    /** Every event type name, such as {@code fact}, in the order the interface permits them. */
    public static List<String> all() {
        return ALL;
    }

    /** One blank event of each kind, in the same order as {@link #all}. */
    static List<Event> blanks() {
        List<Event> blanks = new ArrayList<>();
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            blanks.add(blank(kind));
        }
        return blanks;
    }

    private static List<String> derive() {
        List<String> names = new ArrayList<>();
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            names.add(blank(kind).type());
        }
        return List.copyOf(names);
    }

    /**
     * An instance of the record {@code kind} with empty values (empty text and lists, zeros,
     * false), just to ask it its {@link Event#type}, which each record answers with a constant.
     */
    private static Event blank(Class<?> kind) {
        RecordComponent[] components = kind.getRecordComponents();
        if (components == null) {
            throw new IllegalStateException(kind + " is not a record: give it a type name");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = emptyValue(types[i]);
        }
        try {
            Constructor<?> canonical = kind.getDeclaredConstructor(types);
            return (Event) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot name the event type " + kind, e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == String.class) {
            return "";
        } else if (type == List.class) {
            return List.of();
        } else if (type == boolean.class) {
            return false;
        } else if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        } else if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
