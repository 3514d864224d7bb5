package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.testing.EventSamples;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's script learns the event types from the lab, which reads them from {@link Event}: a new
 * kind of event is streamed and subscribed to without a hand-kept list.
 */
class EventTypesTest {
    @Test
    void theSamplesCoverEveryKindOfEvent() {
        assertEquals(
                Arrays.asList(Event.class.getPermittedSubclasses()),
                EventSamples.all().stream().map(Object::getClass).toList(),
                "add a sample of the new kind of event to EventSamples");
    }

    @Test
    void namesEveryKindOfEventAsItNamesItself() {
        assertEquals(EventSamples.all().stream().map(Event::type).toList(), EventTypes.all());
    }

    @Test
    void aStartedRunTellsThePageWhichEventTypesToListenFor() throws Exception {
        try (LabServer lab = TestLab.start()) {
            RawHttp.Response created =
                    RawHttp.postJson(
                            lab.port(),
                            "/api/runs",
                            "",
                            "{\"experiment\":\"test-count\",\"params\":{}}");
            assertEquals(201, created.status(), created.body());
            JsonNode types = new ObjectMapper().readTree(created.body()).path("types");
            List<String> names = new ArrayList<>();
            types.forEach(t -> names.add(t.asText()));
            assertEquals(EventTypes.all(), names);
        }
    }
}
