package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of every event type ({@code run --json}, the SSE stream): one test per type, and
 * one that fails when a new type of {@link Event} has no test here.
 */
class EventJsonTest {

    private static void assertJson(String expected, Event event) throws Exception {
        String line = EventJson.line(event);
        assertFalse(line.contains("\n"), "one line: " + line);
        JsonNode tree = EventJson.mapper().readTree(line);
        assertEquals(EventJson.mapper().readTree(expected), tree, line);
        assertEquals(
                event.type(),
                tree.properties().iterator().next().getValue().asText(),
                "type comes first");
    }

    @Test
    void narrationAsJson() throws Exception {
        // untrusted text stays one line and reads back unchanged
        String text = "a \"quoted\"\nline </script> µs";
        assertJson(
                "{\"type\":\"narration\",\"text\":\"a \\\"quoted\\\"\\nline </script> µs\"}",
                new Event.Narration(text));
        assertEquals(
                text,
                EventJson.mapper()
                        .readTree(EventJson.line(new Event.Narration(text)))
                        .get("text")
                        .asText());
    }

    @Test
    void factAsJson() throws Exception {
        assertJson(
                "{\"type\":\"fact\",\"label\":\"source port\",\"value\":\"51234\",\"unit\":\"\","
                        + "\"note\":\"ephemeral\"}",
                new Event.Fact("source port", "51234", "", "ephemeral"));
        assertJson(
                "{\"type\":\"fact\",\"label\":\"rtt\",\"value\":\"5\",\"unit\":\"µs\",\"note\":\"\"}",
                new Event.Fact("rtt", "5", "µs", null));
    }

    @Test
    void tableAsJson() throws Exception {
        assertJson(
                "{\"type\":\"table\",\"caption\":\"Bind\",\"headers\":[\"address\",\"result\"],"
                        + "\"rows\":[[\"127.0.0.1\",\"ok\"],[\"::1\",\"refused\"]]}",
                new Event.Table(
                        "Bind",
                        List.of("address", "result"),
                        List.of(List.of("127.0.0.1", "ok"), List.of("::1", "refused"))));
    }

    @Test
    void progressAsJson() throws Exception {
        assertJson(
                "{\"type\":\"progress\",\"done\":25,\"total\":200,\"label\":\"TCP\",\"percent\":12}",
                new Event.Progress(25, 200, "TCP"));
        assertEquals(
                0,
                EventJson.tree(new Event.Progress(5, 0, "unknown total")).get("percent").asInt());
    }

    @Test
    void chartAsJson() throws Exception {
        assertJson(
                "{\"type\":\"chart\",\"title\":\"Ports\",\"xLabel\":\"port\",\"yLabel\":\"count\","
                        + "\"bars\":[{\"label\":\"32768\",\"value\":3.0,\"highlight\":false},"
                        + "{\"label\":\"49152\",\"value\":1.5,\"highlight\":true}],"
                        + "\"legend\":\"\",\"text\":\"Ports: 32768 = 3; 49152 = 1.5\"}",
                new Event.Chart(
                        "Ports",
                        "port",
                        "count",
                        List.of(
                                new Event.Bar("32768", 3, false),
                                new Event.Bar("49152", 1.5, true)),
                        null));
    }

    @Test
    void verdictAsJson() throws Exception {
        assertJson(
                "{\"type\":\"verdict\",\"passed\":false,\"summary\":\"Connection refused.\","
                        + "\"details\":[\"the JDK said: Connection refused\"]}",
                new Event.Verdict(
                        false, "Connection refused.", List.of("the JDK said: Connection refused")));
    }

    @Test
    void warningAsJson() throws Exception {
        assertJson(
                "{\"type\":\"warning\",\"text\":\"IPv6 is not available here\"}",
                new Event.Warning("IPv6 is not available here"));
    }

    @Test
    void failureAsJson() throws Exception {
        assertJson(
                "{\"type\":\"error\",\"message\":\"The run failed.\"}",
                new Event.Failure("The run failed."));
    }

    @Test
    void everyEventTypeHasAJsonTestHere() {
        Set<String> needed =
                Arrays.stream(Event.class.getPermittedSubclasses())
                        .map(c -> lowerFirst(c.getSimpleName()) + "AsJson")
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> present =
                Arrays.stream(EventJsonTest.class.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Test.class))
                        .map(Method::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(needed.size() >= 8, needed.toString());
        needed.removeAll(present);
        assertEquals(Set.of(), needed, "event types without a JSON test: add one per type");
    }

    private static String lowerFirst(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
