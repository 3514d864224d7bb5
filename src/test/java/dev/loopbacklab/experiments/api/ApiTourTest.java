package dev.loopbacklab.experiments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.NothingListens;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTourTest {
    private final ApiTour tour = new ApiTour();

    private RecordingReport run(String requests) {
        return RecordingReport.completed(tour, Map.of("requests", requests));
    }

    @Test
    void everyRequestIsAnsweredWithTheSourcePortTheServerSaw() {
        RecordingReport report = run("4");
        Event.Table table = report.table(ApiTour.TABLE);
        assertEquals(4, table.rows().size());
        for (List<String> row : table.rows()) {
            assertEquals("200", row.get(1));
            assertEquals(
                    "{\"message\":\"hello\",\"you\":\"127.0.0.1:" + row.get(3) + "\"}", row.get(2));
        }
    }

    @Test
    void keepAliveSendsEveryRequestOverOneConnection() {
        RecordingReport report = run("5");
        Event.Table table = report.table(ApiTour.TABLE);
        assertEquals(
                1, table.rows().stream().map(r -> r.get(3)).distinct().count(), table.toString());
        assertEquals(
                List.of("new", "reused", "reused", "reused", "reused"),
                table.rows().stream().map(r -> r.get(4)).toList());
        assertEquals("1", report.fact(ApiTour.CONNECTIONS).value());
        assertTrue(report.narration().contains("keep-alive"), report.narration());
    }

    @Test
    void closesTheApiWhenTheRunEnds() {
        RecordingReport report = run("1");
        int port =
                Integer.parseInt(
                        report.fact(ApiTour.LISTENING).value().substring("127.0.0.1:".length()));
        NothingListens.at(port);
    }

    @Test
    void refusesRequestCountsOutsideOneToAHundred() {
        assertThrows(
                ParamException.class, () -> Params.parse(tour.params(), Map.of("requests", "0")));
        assertThrows(
                ParamException.class, () -> Params.parse(tour.params(), Map.of("requests", "101")));
        assertEquals(5, Params.defaults(tour.params()).integer("requests"));
    }
}
