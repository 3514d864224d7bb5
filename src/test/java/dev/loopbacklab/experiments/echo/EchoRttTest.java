package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.UnixEchoServer;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EchoRttTest {
    private final EchoRtt rtt = new EchoRtt();

    private RecordingReport run(int count) {
        RecordingReport report = new RecordingReport();
        Params params = Params.parse(rtt.params(), Map.of("count", Integer.toString(count)));
        assertEquals(
                Outcome.COMPLETED, Runner.run(rtt, params, report), () -> report.events.toString());
        return report;
    }

    @Test
    void reportsOrderedPositivePercentilesForEveryTransport() {
        Event.Table table = run(300).all(Event.Table.class).get(0);
        List<String> names = table.rows().stream().map(row -> row.get(0)).toList();
        assertTrue(names.containsAll(List.of("TCP", "UDP", "hand-off (parked)")), names.toString());
        assertEquals(UnixEchoServer.supported(), names.contains("Unix socket"));
        for (List<String> row : table.rows()) {
            // the results first (p50…max), then the counts, then the path
            double p50 = Double.parseDouble(row.get(1));
            double p90 = Double.parseDouble(row.get(2));
            double p99 = Double.parseDouble(row.get(3));
            double max = Double.parseDouble(row.get(4));
            long timed = Long.parseLong(row.get(5).replace(",", ""));
            long lost = Long.parseLong(row.get(6));
            assertEquals(300, timed + lost, row.toString());
            assertTrue(p50 > 0 && p50 <= p90 && p90 <= p99 && p99 <= max, row.toString());
        }
    }

    @Test
    void countsEveryRoundTripOnceInProgressAndHistogram() {
        RecordingReport report = run(1_000);
        List<Event.Progress> progress = report.all(Event.Progress.class);
        Event.Progress last = progress.get(progress.size() - 1);
        assertEquals(last.total(), last.done());
        long transports = report.all(Event.Table.class).get(0).rows().size();
        assertEquals(1_000 * transports, last.total());
        assertTrue(
                progress.size() >= 100 && progress.size() <= 110,
                "about one per 1%: " + progress.size());
        Event.Chart histogram = report.all(Event.Chart.class).get(1);
        double counted = histogram.bars().stream().mapToDouble(Event.Bar::value).sum();
        assertEquals(1_000, counted, 0.0);
        assertEquals(1, histogram.bars().stream().filter(Event.Bar::highlight).count());
    }

    @Test
    void refusesCountsOutsideOneToAMillion() {
        for (String bad : List.of("0", "1000001", "-5", "ten")) {
            ParamException e =
                    assertThrows(
                            ParamException.class,
                            () -> Params.parse(rtt.params(), Map.of("count", bad)));
            assertTrue(e.getMessage().contains("from 1 to 1,000,000"), e.getMessage());
        }
        assertEquals(1, Params.parse(rtt.params(), Map.of("count", "1")).integer("count"));
        assertEquals(
                1_000_000, Params.parse(rtt.params(), Map.of("count", "1000000")).integer("count"));
    }

    @Test
    void stopsPromptlyWhenCancelledAndLeavesNoListeningSocketBehind() throws Exception {
        assumeTrue(OwnSockets.supported(), "needs Linux /proc");
        run(10); // the first NIO use opens files that stay open for good
        Set<String> listeningBefore = OwnSockets.listening();
        long filesBefore = OwnSockets.openFiles();
        int[] progressAtCancel = new int[1];
        List<Set<String>> listeningDuring = new java.util.ArrayList<>();
        // Cancel once the TCP measurement is well under way, as Stop in the browser would.
        RecordingReport report =
                new RecordingReport(
                        r -> {
                            if (r.all(Event.Progress.class).size() < 3) {
                                return false;
                            }
                            listeningDuring.add(OwnSockets.listening());
                            progressAtCancel[0] = r.all(Event.Progress.class).size();
                            return true;
                        });
        Params params = Params.parse(rtt.params(), Map.of("count", "1000000"));
        Outcome outcome = Runner.run(rtt, params, report);

        assertEquals(Outcome.CANCELLED, outcome);
        // Promptly is counted in work, not in time (a loaded machine is slow, not wrong): the run
        // checks every 256 round trips and reports every 1%, so it stops within one more report.
        List<Event.Progress> progress = report.all(Event.Progress.class);
        assertTrue(
                progress.size() - progressAtCancel[0] <= 1,
                (progress.size() - progressAtCancel[0]) + " progress reports after the cancel");
        Event.Progress last = progress.get(progress.size() - 1);
        assertTrue(
                last.done() < last.total() / 2, "ran on to " + last.done() + " of " + last.total());
        assertTrue(
                listeningDuring.get(0).size() > listeningBefore.size(),
                "the TCP server was listening");
        assertEquals(listeningBefore, OwnSockets.listening());
        // other tests' files may close meanwhile (GC, idle pools), so only growth means a leak
        long filesAfter = OwnSockets.openFiles();
        assertTrue(
                filesAfter <= filesBefore + 2,
                "open files grew from " + filesBefore + " to " + filesAfter);
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(
                                t ->
                                        t.isAlive()
                                                && t.getName()
                                                        .matches(
                                                                "(udp-)?echo-server-.*|unix-echo-server|handoff-echo|spin-echo")));
    }
}
