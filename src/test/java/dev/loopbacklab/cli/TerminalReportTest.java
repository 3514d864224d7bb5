package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How report events look in a terminal, piped or on a console. */
class TerminalReportTest {
    private final StringWriter text = new StringWriter();

    private TerminalReport report(boolean json, boolean console) {
        return new TerminalReport(new PrintWriter(text), json, console);
    }

    @Test
    void eachEventTypeHasItsPlainTextForm() {
        assertEquals("Listening.\n", TerminalText.render(new Event.Narration("Listening.")));
        assertEquals(
                "  rtt: 5 µs  (median)\n",
                TerminalText.render(new Event.Fact("rtt", "5", "µs", "median")));
        assertEquals("  port: 80\n", TerminalText.render(new Event.Fact("port", "80", "", "")));
        assertEquals(
                "[###############...............]  50% TCP\n",
                TerminalText.render(new Event.Progress(5, 10, "TCP")));
        assertEquals(
                "PASS: it answered\n  - from port 5\n",
                TerminalText.render(
                        new Event.Verdict(true, "it answered", List.of("from port 5"))));
        assertEquals(
                "NOT YET: refused\n",
                TerminalText.render(new Event.Verdict(false, "refused", List.of())));
        assertEquals("Note: no ::1\n", TerminalText.render(new Event.Warning("no ::1")));
        assertEquals("Error: it broke\n", TerminalText.render(new Event.Failure("it broke")));
    }

    @Test
    void tablesLineUpUnderARuleAndDropTrailingSpaces() {
        Event.Table table =
                new Event.Table(
                        "Bind results",
                        List.of("address", "result"),
                        List.of(List.of("127.0.0.1", "ok"), List.of("::1", "")));
        assertEquals(
                "Bind results\n"
                        + "  address    result\n"
                        + "  ---------  ------\n"
                        + "  127.0.0.1  ok\n"
                        + "  ::1\n",
                TerminalText.render(table));
    }

    @Test
    void chartsScaleToTheLargestBarAndMarkHighlightedOnes() {
        Event.Chart chart =
                new Event.Chart(
                        "Ports",
                        "range",
                        "count",
                        List.of(new Event.Bar("low", 4, false), new Event.Bar("IANA", 2, true)),
                        "= inside IANA's range");
        assertEquals(
                "Ports (count by range)\n"
                        + "   low |"
                        + "#".repeat(40)
                        + " 4\n"
                        + "  IANA |"
                        + "=".repeat(20)
                        + " 2\n"
                        + "  = inside IANA's range\n",
                TerminalText.render(chart));
    }

    @Test
    void pipedProgressPrintsEveryQuarterOnceAsALine() {
        TerminalReport report = report(false, false);
        for (int i = 0; i <= 100; i++) {
            report.emit(new Event.Progress(i, 100, "sweep"));
        }
        report.finish();
        List<String> lines = text.toString().lines().toList();
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("[" + ".".repeat(30) + "]   0% sweep", lines.get(0));
        assertEquals("[" + "#".repeat(7) + ".".repeat(23) + "]  25% sweep", lines.get(1));
        assertEquals("[" + "#".repeat(30) + "] 100% sweep", lines.get(4));
    }

    @Test
    void consoleProgressRedrawsOneLineAndEndsItBeforeTheNextEvent() {
        TerminalReport report = report(false, true);
        report.emit(new Event.Progress(1, 2, "half"));
        report.emit(new Event.Progress(1, 2, "half")); // same percent: not redrawn
        report.emit(new Event.Progress(2, 2, "all"));
        report.emit(new Event.Narration("Done."));
        assertEquals(
                "\r["
                        + "#".repeat(15)
                        + ".".repeat(15)
                        + "]  50% half\r["
                        + "#".repeat(30)
                        + "] 100% all \nDone.\n", // one space wipes the "f" of "half"
                text.toString());
    }

    @Test
    void finishEndsAnOpenProgressLine() {
        TerminalReport report = report(false, true);
        report.emit(new Event.Progress(3, 4, "x"));
        report.finish();
        report.finish(); // twice is harmless
        assertEquals("\r[" + "#".repeat(22) + ".".repeat(8) + "]  75% x\n", text.toString());
    }

    @Test
    void jsonModePrintsEveryEventIncludingProgressAsOneLine() {
        TerminalReport report = report(true, true);
        report.emit(new Event.Progress(1, 2, "half"));
        report.emit(new Event.Warning("w"));
        assertEquals(
                "{\"type\":\"progress\",\"done\":1,\"total\":2,\"label\":\"half\",\"percent\":50}\n"
                        + "{\"type\":\"warning\",\"text\":\"w\"}\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void cancelIsSeenByTheRun() {
        TerminalReport report = report(false, false);
        assertEquals(false, report.cancelled());
        report.cancel();
        assertEquals(true, report.cancelled());
    }

    @Test
    void aShorterProgressLineWipesWhatTheLongerOneLeft() {
        TerminalReport console = report(false, true);
        console.emit(new Event.Progress(1, 100, "Unix domain socket"));
        console.emit(new Event.Progress(1, 100, "TCP"));
        console.finish();
        String[] redraws = text.toString().split("\r");
        String longer = TerminalText.bar(new Event.Progress(1, 100, "Unix domain socket"));
        String shorter = TerminalText.bar(new Event.Progress(1, 100, "TCP"));
        assertEquals(longer, redraws[1]);
        assertEquals(shorter + " ".repeat(longer.length() - shorter.length()) + "\n", redraws[2]);
    }

    /**
     * What a terminal shows of {@code output}'s last row: a carriage return goes back to column 0
     * and what follows overwrites what was there, character by character.
     */
    static String lastRowShown(String output) {
        StringBuilder row = new StringBuilder();
        int column = 0;
        for (char c : output.toCharArray()) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row.setLength(0);
                column = 0;
            } else {
                if (column < row.length()) {
                    row.setCharAt(column, c);
                } else {
                    row.append(c);
                }
                column++;
            }
        }
        return row.toString();
    }

    @Test
    void everyRedrawShowsItsLineAndNothingOfTheLinesBefore() {
        // seeded, so a failure repeats: labels of every length, in any order
        java.util.Random random = new java.util.Random(19);
        TerminalReport console = report(false, true);
        for (int i = 1; i <= 60; i++) {
            String label =
                    "TCP, starting"
                            .substring(0, 1 + random.nextInt(12))
                            .repeat(1 + random.nextInt(3));
            Event.Progress progress = new Event.Progress(i, 60, label);
            console.emit(progress);
            String expected = TerminalReport.fit(TerminalText.bar(progress));
            assertEquals(
                    expected.stripTrailing(),
                    lastRowShown(text.toString()).stripTrailing(),
                    "redraw " + i);
        }
    }

    @Test
    void aProgressLineNeverWrapsSoItsCarriageReturnRedrawsAllOfIt() {
        TerminalReport console = report(false, true);
        String label = "a label far longer than any terminal row ".repeat(3);
        console.emit(new Event.Progress(1, 2, label));
        console.emit(new Event.Progress(2, 2, "done"));
        String beforeFinish = text.toString();
        console.finish();
        for (String redraw : text.toString().split("\r")) {
            assertTrue(redraw.strip().length() <= TerminalReport.COLUMNS, redraw);
        }
        assertTrue(text.toString().contains("…"), text.toString());
        assertEquals(
                TerminalText.bar(new Event.Progress(2, 2, "done")),
                lastRowShown(beforeFinish).stripTrailing());
    }
}
