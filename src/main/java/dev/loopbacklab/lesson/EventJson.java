package dev.loopbacklab.lesson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Events as JSON objects: {@code {"type": "fact", "label": ..., ...}}, one line each. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    /** The event as a JSON tree, with a {@code type} field first. */
    public static ObjectNode tree(Event event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) MAPPER.valueToTree(event));
        if (event instanceof Event.Chart chart) {
            node.put("text", chart.textAlternative());
        } else if (event instanceof Event.Progress progress) {
            node.put("percent", progress.percent());
        }
        return node;
    }

    /** The event as one line of JSON. */
    public static String line(Event event) {
        return tree(event).toString();
    }

    /** The shared mapper, configured once. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
