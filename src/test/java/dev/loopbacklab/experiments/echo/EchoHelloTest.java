package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoHelloTest {
    private final EchoHello hello = new EchoHello();

    private RecordingReport run(String message) {
        return RecordingReport.completed(hello, Map.of("message", message));
    }

    @Test
    void echoesTheLearnersTextUnchanged() {
        RecordingReport report = run("hello, loopback");
        assertEquals("hello, loopback", report.fact("sent").value());
        assertEquals("hello, loopback", report.fact("echoed").value());
        assertTrue(report.fact("echoed").note().startsWith("the same 15 bytes"));
    }

    @Test
    void showsLineBreaksAndControlCharactersVisibly() {
        RecordingReport report = run("two\nlines\tand a bell\u0007");
        assertEquals("two⏎lines⇥and a bell\\u0007", report.fact("echoed").value());
    }

    @Test
    void showsAFourTupleWithDifferentPortsClassified() {
        Event.Table table = run("x").all(Event.Table.class).get(0);
        assertEquals(2, table.rows().size());
        List<String> client = table.rows().get(0);
        List<String> server = table.rows().get(1);
        assertEquals("127.0.0.1", client.get(1));
        assertEquals("127.0.0.1", server.get(1));
        int source = Integer.parseInt(client.get(2));
        int destination = Integer.parseInt(server.get(2));
        assertNotEquals(source, destination);
        EphemeralRange range = EphemeralRange.detect();
        assertEquals(range.contains(source) ? "yes" : "no", client.get(4));
        assertTrue(
                List.of("well-known (system)", "registered (user)", "dynamic/private")
                        .contains(client.get(3)));
    }

    @Test
    void warnsInsteadOfEchoingAnEmptyMessage() {
        RecordingReport report = run("");
        assertEquals(1, report.all(Event.Warning.class).size());
        assertEquals(1, report.all(Event.Table.class).size());
    }

    @Test
    void refusesAMessageLongerThan200Characters() {
        ParamException e =
                assertThrows(
                        ParamException.class,
                        () -> Params.parse(hello.params(), Map.of("message", "a".repeat(201))));
        assertTrue(e.getMessage().contains("at most 200 characters"), e.getMessage());
        Params.parse(hello.params(), Map.of("message", "a".repeat(200)));
    }
}
