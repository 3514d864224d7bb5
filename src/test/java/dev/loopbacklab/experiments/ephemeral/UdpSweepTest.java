package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.LiveReport.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.testing.LiveReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UdpSweepTest {
    @Test
    void summaryAddsUpAndMatchesTheRangeReadHere() {
        EphemeralRange range = EphemeralRange.detect();
        UdpSweep sweep = new UdpSweep();
        LiveReport report = new LiveReport();
        Params params = Params.parse(sweep.params(), Map.of("count", "1000"));
        assertEquals(Outcome.COMPLETED, Runner.run(sweep, params, report));
        assertEquals(1000, number(report.requireFact(SampleLines.DRAWN)));
        assertEquals(
                1000,
                number(report.requireFact(SampleLines.ODD))
                        + number(report.requireFact(SampleLines.EVEN)));
        assertTrue(number(report.requireFact(SampleLines.DISTINCT)) <= 1000);
        if (!range.fallback()) {
            assertEquals(1000, number(report.requireFact(SampleLines.inRange(range))));
        }
        Event.Chart chart = report.all(Event.Chart.class).get(0);
        assertEquals(1000, chart.bars().stream().mapToDouble(Event.Bar::value).sum(), 0.0);
    }
}
