package dev.loopbacklab.experiments.here;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.testing.EventRecorder;
import dev.loopbacklab.testing.NothingListens;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RecordingReport;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HereConnectionsTest {
    private final HereConnections experiment = new HereConnections();

    private Params params(String connections) {
        return Params.parse(experiment.params(), Map.of("connections", connections));
    }

    @Test
    void showsEveryConnectionFromBothEndsAndTheEndsAgree() {
        RecordingReport report = new RecordingReport();
        assertEquals(Outcome.COMPLETED, Runner.run(experiment, params("7"), report));
        String server = report.fact(HereConnections.SERVER).value();
        assertTrue(server.matches("127\\.0\\.0\\.1:\\d+"), server);
        Event.Table table = report.table(HereConnections.TABLE);
        assertEquals(7, table.rows().size());
        Set<String> sourcePorts = new HashSet<>();
        for (List<String> row : table.rows()) {
            String client = row.get(1);
            String[] clientEnds = client.split(" → ");
            String[] serverEnds = row.get(2).split(" → ");
            assertEquals(clientEnds[0], serverEnds[0], "client's local = server's remote: " + row);
            assertEquals(clientEnds[1], serverEnds[1], "client's remote = server's local: " + row);
            assertEquals(server, clientEnds[1], "every connection goes to the one server endpoint");
            assertEquals("yes", row.get(3));
            assertEquals(clientEnds[0], "127.0.0.1:" + row.get(4));
            sourcePorts.add(row.get(4));
        }
        assertEquals(7, sourcePorts.size(), "every source port differs: " + sourcePorts);
        assertEquals("7 of 7", report.fact(HereConnections.AGREE).value());
        assertEquals("7 of 7", report.fact(HereConnections.UNIQUE).value());
    }

    @Test
    void chartsTheSourcePortsAndHighlightsThoseOutsideTheEphemeralRange() {
        RecordingReport report = new RecordingReport();
        assertEquals(Outcome.COMPLETED, Runner.run(experiment, params("5"), report));
        EphemeralRange range = EphemeralRange.detect();
        Event.Chart chart = report.all(Event.Chart.class).get(0);
        assertEquals(5, chart.bars().size());
        int inside = 0;
        for (Event.Bar bar : chart.bars()) {
            int port = (int) bar.value();
            assertEquals(!range.contains(port), bar.highlight(), bar.toString());
            inside += range.contains(port) ? 1 : 0;
        }
        assertEquals(inside + " of 5", report.fact(HereConnections.IN_RANGE).value());
        List<String> tablePorts =
                report.table(HereConnections.TABLE).rows().stream().map(r -> r.get(4)).toList();
        assertEquals(
                tablePorts,
                chart.bars().stream().map(b -> Integer.toString((int) b.value())).toList());
    }

    @Test
    void refusesTooFewOrTooManyConnections() {
        assertThrows(ParamException.class, () -> params("0"));
        assertThrows(ParamException.class, () -> params("51"));
        assertEquals(50, params("50").integer("connections"));
    }

    @Test
    void closesTheServerWhenTheRunEnds() {
        RecordingReport report = new RecordingReport();
        assertEquals(Outcome.COMPLETED, Runner.run(experiment, params("3"), report));
        NothingListens.at(report.fact(HereConnections.SERVER).value());
    }

    @Test
    void stopClosesEverySocketItOpened() {
        assumeTrue(OwnSockets.supported(), "needs Linux /proc");
        Runner.run(experiment, params("3"), new RecordingReport()); // loads every class first
        long filesBefore = OwnSockets.openFiles();
        StoppingReport report = new StoppingReport();
        assertEquals(Outcome.CANCELLED, Runner.run(experiment, params("50"), report));
        assertEquals(3, report.progress, "stopped after the third connection");
        String server =
                report.events.stream()
                        .filter(Event.Fact.class::isInstance)
                        .map(e -> ((Event.Fact) e).value())
                        .findFirst()
                        .orElseThrow();
        NothingListens.at(server);
        long filesAfter = OwnSockets.openFiles();
        assertTrue(
                filesAfter <= filesBefore,
                "open files: "
                        + filesBefore
                        + " before, "
                        + filesAfter
                        + " after (a run with 3 connections holds 7 sockets)");
    }

    /** Stops the run, the way the web layer does, once three connections are open. */
    private static final class StoppingReport extends EventRecorder {
        volatile boolean cancelled;
        int progress;

        @Override
        public void emit(Event event) {
            super.emit(event);
            if (event instanceof Event.Progress && ++progress == 3) {
                cancelled = true;
                for (AutoCloseable resource : toClose) {
                    try {
                        resource.close();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
