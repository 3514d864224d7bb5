package dev.loopbacklab.web.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.notebook.CellEvent;
import dev.loopbacklab.notebook.EventLog;

/**
 * A session event as the page receives it: {@code run}, {@code type} and the event's fields. Text
 * stays text: the page puts it in with {@code textContent}, never as HTML.
 */
final class CellJson {
    private CellJson() {}

    static String of(EventLog.Entry entry) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("run", entry.run());
        CellEvent event = entry.event();
        node.put("type", event.type());
        if (event instanceof CellEvent.Text text) {
            node.put("text", text.text());
        } else if (event instanceof CellEvent.Value value) {
            node.put("text", value.text());
        } else if (event instanceof CellEvent.Notice notice) {
            node.put("text", notice.text());
        } else if (event instanceof CellEvent.Failure failure) {
            node.put("text", failure.text());
            ArrayNode frames = node.putArray("frames");
            failure.frames().forEach(frames::add);
        } else if (event instanceof CellEvent.Diagnostic diag) {
            node.put("error", diag.error());
            node.put("line", diag.line());
            node.put("column", diag.column());
            node.put("length", diag.length());
            node.put("text", diag.message());
            node.put("source", diag.sourceLine());
        } else if (event instanceof CellEvent.Done done) {
            node.put("outcome", done.outcome());
            node.put("millis", done.millis());
        } else if (event instanceof CellEvent.State state) {
            node.put("state", state.state());
            node.put("text", state.message());
        }
        return node.toString();
    }
}
