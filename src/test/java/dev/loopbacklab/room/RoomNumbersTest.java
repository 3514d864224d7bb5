package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers a learner's lab sends come from the real experiments' output: run each collected
 * experiment here and read its numbers back, so a renamed fact or column fails this test rather
 * than leaving the board empty.
 */
class RoomNumbersTest {
    private static Map<String, String> numbersOf(String id, Map<String, String> params) {
        Experiment experiment = Experiments.registry().find(id).orElseThrow();
        RecordingReport report = RecordingReport.run(experiment, params);
        return RoomNumbers.of(id, report.events);
    }

    @Test
    void everyCollectedExperimentYieldsItsNumbers() {
        assertTrue(
                numbersOf("echo-rtt", Map.of("count", "200")).get("tcp-p50-us").matches("[0-9.,]+"),
                "echo-rtt's TCP median");
        assertTrue(numbersOf("ephemeral-range", Map.of()).get("range").matches("\\d+-\\d+"));
        assertTrue(
                numbersOf("localhost-resolve", Map.of())
                        .getOrDefault("localhost-first", "127.0.0.1")
                        .matches("127\\.0\\.0\\.1|::1"));
        Map<String, String> privileged = numbersOf("port-privileged", Map.of());
        assertTrue(privileged.containsKey("low-port-result"), privileged.toString());
        assertEquals(RoomNumbers.experiments().size(), 4);
    }

    @Test
    void numbersAreShortPrintableAsciiAndNothingElseIsTaken() {
        List<Event> events =
                List.of(
                        new Event.Fact("OS ephemeral range", "49152\u201365535", "", ""),
                        new Event.Fact("read from", "/Users/ada/secret", "", ""),
                        new Event.Fact("the lab runs as", "ada", "", ""));
        assertEquals(Map.of("range", "49152-65535"), RoomNumbers.of("ephemeral-range", events));
        assertEquals(Map.of(), RoomNumbers.of("listening-table", events));
        assertEquals(64, RoomNumbers.ascii("x".repeat(100)).length());
    }
}
