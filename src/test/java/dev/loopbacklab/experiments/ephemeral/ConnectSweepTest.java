package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.LiveReport.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.LiveReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectSweepTest {
    static final int COUNT = 300;
    static LiveReport report;

    @BeforeAll
    static void sweepOnce() {
        ConnectSweep sweep = new ConnectSweep();
        report = new LiveReport();
        Params params = Params.parse(sweep.params(), Map.of("count", Integer.toString(COUNT)));
        assertEquals(
                Outcome.COMPLETED,
                Runner.run(sweep, params, report),
                () -> report.events().toString());
    }

    @Test
    void sourcePortsAddUpAndLieInTheRangeReadHere() {
        EphemeralRange range = EphemeralRange.detect();
        assertEquals(COUNT, number(report.requireFact(SampleLines.DRAWN)));
        assertEquals(
                COUNT,
                number(report.requireFact(SampleLines.ODD))
                        + number(report.requireFact(SampleLines.EVEN)));
        if (!range.fallback()) {
            assertEquals(COUNT, number(report.requireFact(SampleLines.inRange(range))));
        }
        String[] first = report.requireFact(SourcePortSteps.FIRST).split(", ");
        assertEquals(10, first.length);
        for (String port : first) {
            assertTrue(range.fallback() || range.contains(Integer.parseInt(port)), port);
        }
        int forward = number(report.requireFact(SourcePortSteps.FORWARD));
        assertTrue(forward >= 0 && forward <= COUNT - 1, "steps forward: " + forward);
    }

    @Test
    void theClientsNotTheListenerHoldTimeWait() {
        String clients = report.requireFact(ConnectSweep.TIME_WAIT);
        OperatingSystem os = OperatingSystem.current();
        if (os == OperatingSystem.OTHER
                || (os == OperatingSystem.LINUX && !SocketTable.available())) {
            assertEquals("not available", clients, "no list, no count");
            return;
        }
        int waiting = number(clients);
        assertTrue(waiting >= 1 && waiting <= COUNT, "TIME_WAIT: " + waiting);
        assertEquals(0, number(report.requireFact(TimeWaitCount.LISTENER_SIDE)));
    }

    @Test
    void closesTheListenerAndItsThread() {
        int port = Integer.parseInt(report.requireFact(ConnectSweep.LISTENER).split(":")[1]);
        ProbeResult probe = Probe.connect(IpLiteral.loopbackV4(), port, Duration.ofSeconds(2));
        assertEquals(ProbeResult.Outcome.REFUSED, probe.outcome(), probe.detail());
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("ephemeral-connect-sweep-acceptor")));
    }
}
