package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortSpan;
import dev.loopbacklab.testing.LiveReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeExperimentTest {
    private final RangeExperiment experiment = new RangeExperiment();

    private LiveReport run(Map<String, String> params) {
        LiveReport report = new LiveReport();
        assertEquals(
                Outcome.COMPLETED,
                Runner.run(experiment, Params.parse(experiment.params(), params), report));
        return report;
    }

    @Test
    void reportsTheRangeThisMachineReads() {
        EphemeralRange range = EphemeralRange.detect();
        LiveReport report = run(Map.of());
        assertEquals(
                range.first() + "–" + range.last(), report.requireFact(RangeExperiment.OS_RANGE));
        assertEquals(range.size(), LiveReport.number(report.requireFact(RangeExperiment.OS_SIZE)));
        assertEquals("49152–65535", report.requireFact(RangeExperiment.IANA_RANGE));
        assertEquals(16_384, LiveReport.number(report.requireFact(RangeExperiment.IANA_SIZE)));
        assertEquals(range.source(), report.requireFact(RangeExperiment.SOURCE));
        assertEquals(
                range.fallback(),
                !report.all(dev.loopbacklab.lesson.Event.Warning.class).isEmpty());
    }

    @Test
    void asksAbout62893ByDefaultAndAnswersAsTheRangeSays() {
        EphemeralRange range = EphemeralRange.detect();
        String answer = run(Map.of()).requireFact(RangeExperiment.ANSWER + " (62893)");
        assertEquals(
                range.contains(62893) && !range.isReserved(62893), answer.equals("yes"), answer);
    }

    @Test
    void saysNoTo62893OnADefaultLinuxRange() {
        EphemeralRange range = EphemeralRange.detect();
        assumeTrue(
                range.source().startsWith("Linux") && range.last() == 60999,
                "Linux's default ip_local_port_range ends at 60999; this machine's is " + range);
        assertEquals("no: above 60999", run(Map.of()).requireFact(RangeExperiment.ANSWER));
    }

    @Test
    void saysYesToTheFirstPortOfTheRange() {
        EphemeralRange range = EphemeralRange.detect();
        assumeFalse(range.isReserved(range.first()), "the first port is reserved here");
        String port = Integer.toString(range.first());
        assertEquals("yes", run(Map.of("port", port)).requireFact(RangeExperiment.ANSWER));
    }

    @Test
    void answersBelowAboveReservedAndInside() {
        EphemeralRange range =
                new EphemeralRange(
                        32768, 60999, "test", false, List.of(new PortSpan(40000, 40010)));
        assertEquals("no: below 32768", RangeExperiment.answer(range, 32767));
        assertEquals("yes", RangeExperiment.answer(range, 32768));
        assertEquals("no: inside the range but reserved", RangeExperiment.answer(range, 40005));
        assertEquals("yes", RangeExperiment.answer(range, 60999));
        assertEquals("no: above 60999", RangeExperiment.answer(range, 62893));
        assertEquals("yes", RangeExperiment.answer(EphemeralRange.iana(), 62893));
    }
}
