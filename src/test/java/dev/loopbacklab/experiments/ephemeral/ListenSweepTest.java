package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.LiveReport.cell;
import static dev.loopbacklab.testing.LiveReport.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.LiveReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListenSweepTest {
    static final int COUNT = 2_000;
    static final EphemeralRange RANGE = EphemeralRange.detect();
    static LiveReport report;

    @BeforeAll
    static void sweepOnce() {
        ListenSweep sweep = new ListenSweep();
        report = new LiveReport();
        Params params = Params.parse(sweep.params(), Map.of("count", Integer.toString(COUNT)));
        assertEquals(Outcome.COMPLETED, Runner.run(sweep, params, report));
    }

    @Test
    void countsAddUpInBothColumns() {
        Event.Table table = report.table("bind(0) on 127.0.0.1");
        for (String column : List.of(ListenSweep.REUSE_ON, ListenSweep.REUSE_OFF)) {
            int drawn = number(cell(table, SampleLines.DRAWN, column));
            int odd = number(cell(table, SampleLines.ODD, column));
            int even = number(cell(table, SampleLines.EVEN, column));
            int distinct = number(cell(table, SampleLines.DISTINCT, column));
            assertEquals(COUNT, drawn);
            assertEquals(COUNT, odd + even, column);
            assertTrue(distinct >= 1 && distinct <= COUNT, column + " distinct " + distinct);
            assertTrue(
                    number(cell(table, SampleLines.LOWEST, column))
                            <= number(cell(table, SampleLines.HIGHEST, column)));
            assertTrue(cell(table, SampleLines.WORK, column).endsWith(" ms"));
        }
    }

    @Test
    void everyPortLiesInTheRangeReadHere() throws Exception {
        assumeTrue(!RANGE.fallback(), "this machine's range could not be read: " + RANGE.source());
        Event.Table table = report.table("bind(0) on 127.0.0.1");
        for (String column : List.of(ListenSweep.REUSE_ON, ListenSweep.REUSE_OFF)) {
            assertEquals(COUNT, number(cell(table, SampleLines.inRange(RANGE), column)), column);
            assertTrue(number(cell(table, SampleLines.LOWEST, column)) >= RANGE.first());
            assertTrue(number(cell(table, SampleLines.HIGHEST, column)) <= RANGE.last());
        }
        int[] ports = ListenSweep.sweep(500, false, new LiveReport()).ports();
        assertTrue(Arrays.stream(ports).allMatch(RANGE::contains), Arrays.toString(ports));
    }

    @Test
    void chartsCountEveryBindAndHighlightOnlyIanaBuckets() {
        List<Event.Chart> charts = report.all(Event.Chart.class);
        assertEquals(2, charts.size());
        for (Event.Chart chart : charts) {
            assertEquals(COUNT, chart.bars().stream().mapToDouble(Event.Bar::value).sum(), 0.0);
            assertTrue(chart.bars().size() >= 24 && chart.bars().size() <= 32, chart.title());
            assertTrue(chart.legend().contains("IANA"));
            for (Event.Bar bar : chart.bars()) {
                if (bar.highlight()) {
                    int upper = Integer.parseInt(bar.label().split("–")[1]);
                    assertTrue(
                            upper >= 49152,
                            bar.label() + " is highlighted but lies below IANA's range");
                }
            }
        }
    }

    @Test
    void reportsProgressAboutEveryPercentAndEndsAtTheCount() {
        List<Event.Progress> progress = report.all(Event.Progress.class);
        assertTrue(
                progress.size() >= 100 && progress.size() <= 2 * 101,
                "progress events: " + progress.size());
        assertEquals(COUNT, progress.get(progress.size() - 1).done());
    }

    /**
     * Linux 4.6 and later hand out bind(0) ports with the parity opposite to the range's start,
     * and, with SO_REUSEADDR on, from the lower half of the range first. Other kernels differ, so
     * this is only checked where those conditions hold.
     */
    @Test
    void linuxHandsOutOneParityAndTheLowerHalfWithReuse() {
        assumeTrue(
                BindPatterns.linuxRules(Platform.current(), RANGE) && kernelAtLeast(4, 6),
                "documents Linux >= 4.6 behaviour only");
        Event.Table table = report.table("bind(0) on 127.0.0.1");
        String expected = (RANGE.first() & 1) == 0 ? SampleLines.ODD : SampleLines.EVEN;
        assertEquals(COUNT, number(cell(table, expected, ListenSweep.REUSE_ON)));
        assertEquals(COUNT, number(cell(table, expected, ListenSweep.REUSE_OFF)));
        assertTrue(
                number(cell(table, SampleLines.HIGHEST, ListenSweep.REUSE_ON))
                        < BindPatterns.linuxHalf(RANGE));
    }

    @Test
    void linuxHalfMatchesTheKernelArithmeticForTheDefaultRange() {
        EphemeralRange linuxDefault = new EphemeralRange(32768, 60999, "test", false, List.of());
        assertEquals(46884, BindPatterns.linuxHalf(linuxDefault));
    }

    static boolean kernelAtLeast(int major, int minor) {
        String[] parts = System.getProperty("os.version", "0.0").split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
