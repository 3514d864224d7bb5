package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.PrivilegedPorts;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortClassifyExperimentTest {
    private final PortClassifyExperiment experiment = new PortClassifyExperiment();

    @Test
    void classifiesTheDefaultPortsOneRowEach() {
        Event.Table table = RecordingReport.completed(experiment).table("Your ports");

        assertEquals(
                List.of("62893", "80", "5432", "0", "65535", "70000"),
                table.rows().stream().map(r -> r.get(0)).toList());
        List<String> http = RecordingReport.row(table, "80");
        assertEquals("well-known (system) (0–1023)", http.get(2));
        assertEquals("http", http.get(3));
        assertEquals(PrivilegedPorts.current().isPrivileged(80) ? "yes" : "no", http.get(4));
        assertEquals("dynamic/private (49152–65535)", RecordingReport.row(table, "62893").get(2));
        assertEquals("registered (user) (1024–49151)", RecordingReport.row(table, "5432").get(2));
        assertTrue(RecordingReport.row(table, "0").get(5).contains("bind(0)"));
    }

    @Test
    void putsTheValidationMessageInTheRowInsteadOfFailingTheRun() {
        RecordingReport report =
                RecordingReport.run(experiment, Map.of("ports", "70000 +80 ٨٠ 080"));

        assertEquals(Outcome.COMPLETED, report.outcome);
        Event.Table table = report.table("Your ports");
        assertTrue(RecordingReport.row(table, "70000").get(5).contains("above 65,535"));
        assertTrue(RecordingReport.row(table, "+80").get(5).contains("has a sign"));
        assertTrue(RecordingReport.row(table, "٨٠").get(5).contains("digits other than the ASCII"));
        assertTrue(RecordingReport.row(table, "080").get(5).contains("leading zero"));
        table.rows().forEach(row -> assertEquals("—", row.get(1), row.toString()));
    }

    @Test
    void classifiesAtMostTwentyEntriesAndWarnsAboutTheRest() {
        String many =
                IntStream.rangeClosed(1, 25)
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(","));
        RecordingReport report = RecordingReport.run(experiment, Map.of("ports", many));

        assertEquals(PortClassifyExperiment.MAX_ENTRIES, report.table("Your ports").rows().size());
        assertTrue(report.all(Event.Warning.class).get(0).text().contains("25 entries"));
    }

    @Test
    void asksForPortsWhenNoneAreTyped() {
        RecordingReport report = RecordingReport.run(experiment, Map.of("ports", " , "));

        assertEquals(List.of(), report.all(Event.Table.class));
        assertEquals(1, report.all(Event.Warning.class).size());
    }

    @Test
    void splitsOnCommasAndAnyWhiteSpace() {
        assertEquals(
                List.of("1", "2", "3", "4"), PortClassifyExperiment.split(" 1,2  3\u00a04,\t"));
    }
}
