package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabVersion;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.testing.RecordingReport;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SelfDefenceTest {

    /** Stands in for the experiment the cross-site POST names, and notices if it ever runs. */
    static final class Spy implements Experiment {
        final CountDownLatch ran = new CountDownLatch(1);

        public ExperimentInfo info() {
            return new ExperimentInfo(SelfDefence.TARGET_EXPERIMENT, "spy", "counts runs");
        }

        @Override
        public void run(Params params, Report report) {
            ran.countDown();
        }
    }

    @Test
    void labAnswers200ThenRefusesForeignHostAndCrossSitePostWithoutStartingARun() throws Exception {
        Spy spy = new Spy();
        RecordingReport report = new RecordingReport();
        SelfDefence experiment = new SelfDefence(() -> new ExperimentRegistry(List.of(spy)));
        experiment.run(Params.defaults(experiment.params()), report);
        Event.Table table = report.onlyTable();

        List<String> statuses = table.rows().stream().map(r -> r.get(2)).toList();
        assertEquals(
                List.of("HTTP/1.1 200 OK", "HTTP/1.1 403 Forbidden", "HTTP/1.1 403 Forbidden"),
                statuses);
        assertTrue(
                table.rows()
                        .get(1)
                        .get(3)
                        .contains("only answers requests addressed to localhost"));
        assertTrue(table.rows().get(2).get(3).contains("another origin may not start runs"));
        assertFalse(table.rows().get(2).get(3).contains("\"id\""), "no run id was handed out");
        assertFalse(spy.ran.await(300, TimeUnit.MILLISECONDS), "the refused POST started a run");
        Event.Fact active =
                report.all(Event.Fact.class).stream()
                        .filter(f -> f.label().startsWith("runs going"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("0", active.value());
    }

    @Test
    void spyNoticesARunThatASameOriginPostDoesStart() throws Exception {
        // The other side of the test above: the same POST with the lab's own Origin is let through,
        // so the spy would have caught a guard that let the cross-site one in.
        Spy spy = new Spy();
        LabConfig config = LabConfig.local(0, ContentRoot.locate(false));
        try (LabServer lab =
                LabServer.start(config, new ExperimentRegistry(List.of(spy)), LabVersion.get())) {
            String json = "{\"experiment\":\"" + SelfDefence.TARGET_EXPERIMENT + "\"}";
            RawHttp.Answer answer =
                    RawHttp.send(
                            lab.port(),
                            "POST /api/runs HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1:"
                                    + lab.port()
                                    + "\r\nOrigin: http://127.0.0.1:"
                                    + lab.port()
                                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + json.length()
                                    + "\r\nConnection: close\r\n\r\n"
                                    + json,
                            dev.loopbacklab.net.Deadline.none());

            assertEquals(201, answer.status());
            assertTrue(spy.ran.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void worksWithTheLabsOwnRegistry() throws Exception {
        RecordingReport report = new RecordingReport();
        SelfDefence experiment = new SelfDefence();
        experiment.run(Params.defaults(experiment.params()), report);

        assertEquals(
                List.of(200, 403, 403),
                report.onlyTable().rows().stream()
                        .map(r -> Integer.parseInt(r.get(2).split(" ")[1]))
                        .toList());
    }
}
