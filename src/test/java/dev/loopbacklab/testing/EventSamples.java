package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Event;
import java.util.List;

/**
 * One event of every kind an experiment can report, with real content. {@code EventTypesTest} fails
 * when a kind of {@link Event} has no sample here, so a new kind reaches every front end's tests.
 */
public final class EventSamples {
    private EventSamples() {}

    /** One of each, in the order {@link Event} permits them. */
    public static List<Event> all() {
        return List.of(
                new Event.Narration("A sentence of narration."),
                new Event.Fact("source port", "51234", "", "ephemeral"),
                new Event.Table("Ports", List.of("port", "kind"), List.of(List.of("80", "system"))),
                new Event.Progress(3, 4, "sampling"),
                new Event.Chart(
                        "Ports by range",
                        "range",
                        "ports",
                        List.of(new Event.Bar("low", 1, false), new Event.Bar("high", 2, true)),
                        "high is inside the range"),
                new Event.Verdict(false, "not yet", List.of("nothing listens on 7070")),
                new Event.Warning("IPv6 is not available here."),
                new Event.Failure("The sample failed, as planned."));
    }
}
