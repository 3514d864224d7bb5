package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The room's numbers as the presenter shows them: counted per answer, medians as a histogram. */
class RoomFiguresTest {
    private static BoardState.Learner learner(
            long id, String os, Map<String, Map<String, String>> numbers) {
        return new BoardState.Learner(id, "n" + id, os, 0, "none", 0, false, Map.of(), numbers, 0);
    }

    private static RoomFigures.Table table(List<RoomFigures.Table> tables, String experiment) {
        return tables.stream()
                .filter(t -> t.experiment().equals(experiment))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void countsEachAnswerByOsAndEachMedianInItsBucket() {
        List<RoomFigures.Table> tables =
                RoomFigures.of(
                        List.of(
                                learner(
                                        1,
                                        "linux",
                                        Map.of("echo-rtt", Map.of("tcp-p50-us", "7.5"))),
                                learner(
                                        2,
                                        "linux",
                                        Map.of("echo-rtt", Map.of("tcp-p50-us", "1,200"))),
                                learner(
                                        3,
                                        "macos",
                                        Map.of("ephemeral-range", Map.of("range", "49152-65535"))),
                                learner(
                                        4,
                                        "linux",
                                        Map.of("echo-rtt", Map.of("tcp-p50-us", "n/a")))));
        RoomFigures.Table os = table(tables, "os");
        assertEquals(4, os.machines());
        assertEquals(
                List.of(new RoomFigures.Row("linux", 3), new RoomFigures.Row("macos", 1)),
                os.rows());
        RoomFigures.Table rtt = table(tables, "echo-rtt");
        assertEquals(2, rtt.machines(), "an unreadable median is not counted");
        assertEquals(new RoomFigures.Row("5–10 µs", 1), rtt.rows().get(1));
        assertEquals(new RoomFigures.Row("500 µs or more", 1), rtt.rows().get(7));
        RoomFigures.Table range = table(tables, "ephemeral-range");
        assertEquals(List.of(new RoomFigures.Row("macos: 49152-65535", 1)), range.rows());
        assertEquals(List.of(), table(tables, "localhost-resolve").rows(), "nobody sent it yet");
    }

    @Test
    void anEmptyRoomHasNoRowsButItsOsTable() {
        List<RoomFigures.Table> tables = RoomFigures.of(List.of());
        tables.forEach(t -> assertEquals(0, t.machines(), t.experiment()));
        assertEquals(List.of(), table(tables, "echo-rtt").rows());
    }

    @Test
    void coversExactlyTheExperimentsTheRoomCollects() {
        Set<String> shown = new HashSet<>();
        RoomFigures.of(List.of()).forEach(t -> shown.add(t.experiment()));
        shown.remove("os");
        assertEquals(RoomNumbers.experiments(), shown);
    }
}
